"""The architecture's rules, checked on the source: one stage a module, no import cycles,
pyvis only in the rendering module, click only in the CLI and its terminal report."""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path

import networkx as nx

PACKAGE = Path(__file__).resolve().parent.parent / "argmap"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking_block(node: ast.stmt) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def _top_level_imports(tree: ast.Module) -> set[str]:
    """Modules imported when the module itself is imported: not inside functions (imported
    lazily, when called) nor under ``if TYPE_CHECKING:`` (never imported at run time)."""
    found: set[str] = set()
    pending: list[ast.AST] = list(tree.body)
    while pending:
        node = pending.pop()
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            continue
        if isinstance(node, ast.stmt) and _is_type_checking_block(node):
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        pending.extend(ast.iter_child_nodes(node))
    return found


def _all_imports(tree: ast.Module) -> set[str]:
    found: set[str] = set()
    for child in ast.walk(tree):
        if isinstance(child, ast.Import):
            found.update(alias.name for alias in child.names)
        elif isinstance(child, ast.ImportFrom) and child.module and child.level == 0:
            found.add(child.module)
    return found


def _modules() -> dict[str, ast.Module]:
    return {
        _module_name(path): ast.parse(path.read_text(encoding="utf-8"))
        for path in sorted(PACKAGE.rglob("*.py"))
    }


def _owner(imported: str, modules: dict[str, ast.Module]) -> str | None:
    """The argmap module an import names (``argmap.graph.X`` -> ``argmap.graph.building``)."""
    while imported:
        if imported in modules:
            return imported
        imported = imported.rpartition(".")[0]
    return None


def _import_graph(imports: Callable[[ast.Module], set[str]]) -> nx.DiGraph[str]:
    modules = _modules()
    graph: nx.DiGraph[str] = nx.DiGraph()
    for name, tree in modules.items():
        graph.add_node(name)
        for imported in imports(tree):
            owner = _owner(imported, modules)
            # A package importing its own submodules is how packages re-export; not a cycle.
            if owner is not None and owner != name and not owner.startswith(name + "."):
                graph.add_edge(name, owner)
    return graph


def test_no_import_cycles_between_argmap_modules() -> None:
    graph = _import_graph(_top_level_imports)
    cycles = sorted(sorted(cycle) for cycle in nx.simple_cycles(graph))
    assert cycles == []


# Imports inside functions that may point back up the pipeline, each with the reason it is there.
# Anything else imported inside a function must not close a cycle either.
LAZY_IMPORTS_ALLOWED: dict[tuple[str, str], str] = {}


def test_imports_inside_functions_close_no_hidden_cycle() -> None:
    graph = _import_graph(_all_imports)
    graph.remove_edges_from(LAZY_IMPORTS_ALLOWED)
    cycles = sorted(sorted(cycle) for cycle in nx.simple_cycles(graph))
    assert cycles == []


def test_the_data_model_does_not_import_the_page_or_the_graph() -> None:
    imported = _all_imports(_modules()["argmap.format.models"])
    assert not {m for m in imported if m.startswith(("argmap.page", "argmap.graph"))}


def test_pyvis_is_imported_only_by_the_rendering_module() -> None:
    importers = {
        name
        for name, tree in _modules().items()
        if any(m == "pyvis" or m.startswith("pyvis.") for m in _all_imports(tree))
    }
    assert importers <= {"argmap.page.rendering"}


def test_click_is_imported_only_by_the_cli_and_its_report_formatting() -> None:
    importers = {
        name
        for name, tree in _modules().items()
        if any(m == "click" or m.startswith("click.") for m in _all_imports(tree))
    }
    # reporters.py colours the terminal report with click.style; nothing else touches click.
    assert {n for n in importers if not n.startswith("argmap.cli")} <= {"argmap.format.reporters"}


def test_no_grab_bag_modules() -> None:
    names = {path.stem for path in PACKAGE.rglob("*.py")}
    assert not names & {"utils", "helpers", "misc", "common"}


def test_help_and_version_import_no_stage() -> None:
    """`argmap --help` and `--version` stay fast: no pydantic, networkx or YAML parser loaded."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from argmap.cli import main\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = ('pydantic', 'networkx', 'yaml', 'pyvis')\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & set(heavy)))\n"
    )
    for flag in ("--help", "--version"):
        done = subprocess.run(
            [sys.executable, "-c", script, flag],
            capture_output=True,
            text=True,
            check=True,
            cwd=PACKAGE.parent,
        )
        assert done.stdout.strip().splitlines()[-1] == "[]", (flag, done.stdout)


# The table of diagnostic codes is data, not logic: one entry a code, each a few lines long.
DATA_TABLES = {"format/diagnostics.py"}
MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 60


def test_modules_and_functions_stay_small_enough_to_read() -> None:
    too_long = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        source = path.read_text(encoding="utf-8")
        if relative not in DATA_TABLES and source.count("\n") > MAX_MODULE_LINES:
            too_long.append(f"{relative}: {source.count(chr(10))} lines")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    too_long.append(f"{relative}:{node.lineno} {node.name}(): {length} lines")
    for path in sorted((PACKAGE / "page" / "templates").rglob("*.js")):
        lines = path.read_text(encoding="utf-8").count("\n")
        if lines > MAX_MODULE_LINES:
            too_long.append(f"{path.relative_to(PACKAGE).as_posix()}: {lines} lines")
    assert not too_long


def test_the_architecture_page_names_every_module() -> None:
    """docs/architecture.md is where a newcomer looks for the one module to change."""
    page = (PACKAGE.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    unnamed = [
        path.relative_to(PACKAGE).as_posix()
        for path in sorted(PACKAGE.rglob("*"))
        if path.suffix in {".py", ".js", ".css", ".html"}
        and "__pycache__" not in path.parts
        and path.name != "__init__.py"
        and f"`{path.name}`" not in page
    ]
    assert not unnamed


def test_the_page_script_modules_are_named_in_the_order_they_run() -> None:
    from argmap.page.rendering import PAGE_MODULES

    page = (PACKAGE.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    places = [page.find(f"`{Path(module).name}`") for module in PAGE_MODULES]
    named = [place for place, module in zip(places, PAGE_MODULES, strict=True) if "page/" in module]
    assert named == sorted(named)
