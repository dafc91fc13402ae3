"""The argument graph: a validated map as a networkx graph, its warnings, and its layout.

``building`` turns an ArgumentMap into the MultiDiGraph of the attribute contract
(docs/architecture.md); ``checks`` finds what is suspect in it (orphans, support cycles, unused
sources); ``layout`` computes the positions the page and the pictures draw.
"""
