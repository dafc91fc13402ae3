"""The student's page: view model, the one self-contained HTML file, the site index, Jupyter.

pyvis is imported nowhere else in argmap (its vis-network files are read from its package).
"""
