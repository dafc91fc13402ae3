"""Static pictures of a map for handouts and slides: SVG drawn in Python, PDF and PNG from it.

The picture is drawn from argmap's own layout (:mod:`argmap.graph.layout`) in the page's visual
language: :mod:`~argmap.picture.metrics` measures text, :mod:`~argmap.picture.selection` picks
the part drawn (a tree, a level of detail), :mod:`~argmap.picture.geometry` and
:mod:`~argmap.picture.scenes` place boxes and lines, :mod:`~argmap.picture.style` and
:mod:`~argmap.picture.legend` give them the page's look, :mod:`~argmap.picture.svg` writes SVG 1.1
and :mod:`~argmap.picture.pages` turns it into PDF pages or a PNG (cairosvg, on demand).
"""
