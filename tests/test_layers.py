"""The layers run one way. Every module under src/marsad is parsed (`ast`) for its imports, those
inside functions included, and for the "module:factory" strings the registry imports by name;
each is an edge between top-level parts of the package (`marsad.X`: a subpackage or a module).
The test fails on an import of a higher layer, and on any cycle between parts.

LAYERS is the architecture (docs/architecture.md), lowest first. A part may import its own layer
and those below it; two parts of one layer may import each other only one way (no cycle).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from .conftest import ROOT

PACKAGE = ROOT / "src/marsad"

LAYERS: tuple[tuple[str, ...], ...] = (
    ("marsad", "errors", "settings", "resources"),  # the version, errors, options, data files
    ("model",),  # the typed annotation models and the output contract (pydantic)
    ("document",),  # RawDocument and Document, the text every span points into
    ("arabic",),  # the text layer: characters, normalisation, tokens, sentences, matching
    ("lexicon", "places"),  # word lists, word ranks and the place gazetteer, in matching form
    ("ingest", "clean"),  # inputs to raw documents; raw documents to clean text (no KB)
    ("kb",),  # the knowledge base that mentions link to
    ("ner",),  # the tagger; reads its own frozen model files, the KB only to train
    ("extract",),  # the extractors, over the text layer with kb/ and ner/ as resources
    ("pipeline", "registry"),  # cleaning and extractors in configured order; names to factories
    ("store",),  # documents and layers to SQL and back
    ("query",),  # questions across articles, in SQL over the store
    ("export",),  # query results to ACLED CSV, GeoJSON, STIX, Parquet
    ("batch", "evaluation"),  # many inputs through pipeline and store; scoring on gold sets
    ("cli",),  # the marsad command
)
LAYER = {part: level for level, parts in enumerate(LAYERS) for part in parts}
BY_NAME = re.compile(r"^(marsad(?:\.\w+)+):\w+$")  # registry entries, imported by name


def part_of(path: Path) -> str:
    rel = path.relative_to(PACKAGE)
    return "marsad" if rel.parts == ("__init__.py",) else rel.parts[0].removesuffix(".py")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path, module: str | None = None) -> list[tuple[str, int]]:
    """(dotted module, line) of each marsad module that `path` (the module `module`) imports."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    here = (module or module_name(path)).split(".")
    if path.name != "__init__.py":
        here = here[:-1]  # the package a relative import starts from
    out: list[tuple[str, int]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(a.name, node.lineno) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join([*here[: len(here) - node.level + 1], *filter(None, [node.module])])
            # "from marsad import lexicon" imports the module marsad.lexicon
            out += [(f"{base}.{a.name}" if base == "marsad" else base, node.lineno) for a in node.names]
        elif isinstance(node, ast.Constant) and (by_name := BY_NAME.match(str(node.value))):
            out.append((by_name.group(1), node.lineno))
    return [(name, line) for name, line in out if name == "marsad" or name.startswith("marsad.")]


def target_part(name: str) -> str:
    parts = name.split(".")
    if len(parts) == 1:
        return "marsad"
    candidate = parts[1]
    is_part = (PACKAGE / candidate).is_dir() or (PACKAGE / f"{candidate}.py").is_file()
    return candidate if is_part else "marsad"  # "from marsad import __version__"


def edges(package: Path = PACKAGE) -> list[tuple[str, str, str]]:
    """(importing part, imported part, where) of every import between two parts."""
    out = []
    for path in sorted(package.rglob("*.py")):
        source = part_of(path)
        for name, line in imported(path):
            target = target_part(name)
            if target != source:
                out.append((source, target, f"{path.relative_to(ROOT)}:{line} imports {name}"))
    return out


def upward(found: list[tuple[str, str, str]]) -> list[str]:
    return [
        f"{where} ({source} is layer {LAYER[source]}, {target} layer {LAYER[target]})"
        for source, target, where in found
        if LAYER[target] > LAYER[source]
    ]


def cycles(found: list[tuple[str, str, str]]) -> list[list[str]]:
    """Each cycle between parts, as the path around it (found by depth-first search)."""
    graph: dict[str, set[str]] = {}
    for source, target, _ in found:
        graph.setdefault(source, set()).add(target)
    out: list[list[str]] = []
    seen: set[frozenset[str]] = set()

    def visit(node: str, path: list[str]) -> None:
        for nxt in sorted(graph.get(node, ())):
            if nxt in path:
                loop = [*path[path.index(nxt) :], nxt]
                if frozenset(loop) not in seen:
                    seen.add(frozenset(loop))
                    out.append(loop)
            else:
                visit(nxt, [*path, nxt])

    for start in sorted(graph):
        visit(start, [start])
    return out


def test_every_part_has_a_layer() -> None:
    parts = {part_of(p) for p in PACKAGE.rglob("*.py")}
    assert not parts - set(LAYER), f"not in LAYERS: {sorted(parts - set(LAYER))}"
    assert not set(LAYER) - parts, f"LAYERS names parts that do not exist: {sorted(set(LAYER) - parts)}"


def test_no_import_goes_up_a_layer() -> None:
    found = upward(edges())
    assert not found, "upward imports:\n" + "\n".join(found)


def test_no_import_cycle_between_parts() -> None:
    found = cycles(edges())
    assert not found, "import cycles: " + "; ".join(" -> ".join(c) for c in found)


def test_the_walk_sees_imports_inside_functions_and_by_name(tmp_path: Path) -> None:
    """The checks themselves: an upward import in a function body, a relative import and a
    registry string are all edges, and a two-part loop is a cycle."""
    src = tmp_path / "imports.py"
    src.write_text(
        "def f():\n    from marsad.cli import app\nfrom ..kb import base\nfrom .. import lexicon\n"
        "X = 'marsad.extract.times:make'\n",
        encoding="utf-8",
    )
    names = {name for name, _ in imported(src, "marsad.clean.imports")}
    assert names == {"marsad.cli", "marsad.kb", "marsad.lexicon", "marsad.extract.times"}
    fake = [("clean", "cli", "a"), ("clean", "kb", "b"), ("kb", "clean", "c")]
    assert len(upward(fake)) == 2
    assert cycles(fake) == [["clean", "kb", "clean"]]
