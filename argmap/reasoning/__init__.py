"""Which claims stand: attack frameworks, their semantics, readings of support, strengths.

``semantics`` is Dung's abstract argumentation (no maps); ``acceptability`` reads an argument
graph as a framework; ``verdicts`` makes the rows that ``argmap analyze`` prints.
"""
