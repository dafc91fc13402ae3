"""Strongly connected components of an integer graph, shared by the gate network and DF-QuAD."""

from __future__ import annotations

__all__ = ["strong_components"]


def strong_components(adjacency: list[list[int]]) -> list[list[int]]:
    """Strongly connected components (iterative Tarjan), downstream components first."""
    count = len(adjacency)
    order = [-1] * count
    low = [0] * count
    on_stack = [False] * count
    stack: list[int] = []
    result: list[list[int]] = []
    counter = 0
    for root in range(count):
        if order[root] != -1:
            continue
        order[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack[root] = True
        work = [(root, iter(adjacency[root]))]
        while work:
            v, successors = work[-1]
            for w in successors:
                if order[w] == -1:
                    order[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on_stack[w] = True
                    work.append((w, iter(adjacency[w])))
                    break
                if on_stack[w] and order[w] < low[v]:
                    low[v] = order[w]
            else:
                work.pop()
                if work and low[v] < low[work[-1][0]]:
                    low[work[-1][0]] = low[v]
                if low[v] == order[v]:
                    members = []
                    while True:
                        x = stack.pop()
                        on_stack[x] = False
                        members.append(x)
                        if x == v:
                            break
                    result.append(members)
    return result
