"""The instructor's workflow around the pipeline: serve, diff, stats and the starter map."""
