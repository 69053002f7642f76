"""The layout the code keeps: which app may import which, no import cycle anywhere (imports made
inside functions count: they are how cycles hide), no import inside a function outside an
AppConfig's ready(), and no module over 400 lines outside migrations and demo data."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Each package and the project packages it may import. `links`, `kept` and `spreadsheets` are plain
# packages every app may use; `accounts` is the bottom app, `academy_site` (the project) the top.
ALLOWED = {
    "links": set(),
    "kept": set(),
    "spreadsheets": set(),
    # The scheduler runs the jobs apps register through a hook: it imports no app.
    "scheduler": set(),
    "accounts": {"links", "spreadsheets"},
    "content": {"accounts", "links", "spreadsheets"},
    "personal_data": {"accounts", "scheduler", "links", "spreadsheets"},
    "notifications": {"accounts", "personal_data", "scheduler", "links", "spreadsheets"},
    "modules": {
        "accounts",
        "content",
        "personal_data",
        "scheduler",
        "links",
        "kept",
        "spreadsheets",
    },
    "cohorts": {
        "kept",
        "accounts",
        "content",
        "personal_data",
        "notifications",
        "modules",
        "scheduler",
        "links",
        "spreadsheets",
    },
    "single_sign_on": {"accounts", "cohorts", "links"},
    "practice": {
        "accounts",
        "content",
        "cohorts",
        "modules",
        "notifications",
        "links",
        "spreadsheets",
    },
    "impact": {
        "accounts",
        "cohorts",
        "modules",
        "personal_data",
        "notifications",
        "links",
        "spreadsheets",
    },
    "credentials": {"accounts", "cohorts", "modules", "notifications", "scheduler", "links"},
    "network": {
        "accounts",
        "cohorts",
        "practice",
        "notifications",
        "personal_data",
        "scheduler",
        "links",
    },
    "backups": set(),
    "academy_site": {
        "kept",
        "network",
        "practice",
        "impact",
        "credentials",
        "single_sign_on",
        "backups",
        "accounts",
        "content",
        "personal_data",
        "notifications",
        "modules",
        "scheduler",
        "cohorts",
        "links",
        "spreadsheets",
    },
}
# What the demo says (names, modules, venues) is long by nature.
LONG_ALLOWED = {
    "practice/demo_content.py",
}
MAX_LINES = 400


def _source_files():
    for package in ALLOWED:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def _module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(path): path for path in _source_files()}


def _resolve(module, node):
    """The project modules an import statement names (relative imports resolved)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    package = module if MODULES[module].name == "__init__.py" else module.rpartition(".")[0]
    if node.level:
        base = package.split(".")
        base = base[: len(base) - node.level + 1]
        prefix = ".".join(base + ([node.module] if node.module else []))
    else:
        prefix = node.module
    names = []
    for alias in node.names:
        # `from package import submodule` imports the submodule; anything else, the module.
        candidate = f"{prefix}.{alias.name}"
        names.append(candidate if candidate in MODULES else prefix)
    return names


def _imports(module):
    """(imported project module, line, inside a function other than ready()) for each import."""
    tree = ast.parse(MODULES[module].read_text(), filename=str(MODULES[module]))
    found = []

    def visit(node, function=None):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                visit(child, function or child.name)
            elif isinstance(child, ast.Import | ast.ImportFrom):
                for name in _resolve(module, child):
                    if name.split(".")[0] in ALLOWED or function not in (None, "ready"):
                        found.append((name, child.lineno, function))
            else:
                visit(child, function)

    visit(tree)
    return found


GRAPH = {module: _imports(module) for module in MODULES}


def test_each_app_imports_only_the_apps_below_it():
    wrong = [
        f"{module}:{line} imports {name}"
        for module, imports in GRAPH.items()
        for name, line, _function in imports
        if name.split(".")[0] in ALLOWED
        and name.split(".")[0] != module.split(".")[0]
        and name.split(".")[0] not in ALLOWED[module.split(".")[0]]
    ]
    assert not wrong


def test_modules_never_imports_cohorts():
    assert not [
        (module, name)
        for module, imports in GRAPH.items()
        if module.startswith("modules")
        for name, _line, _function in imports
        if name.startswith("cohorts")
    ]


def test_no_import_cycle_between_or_inside_apps():
    edges = {
        module: {name for name, _, _ in imports if name in MODULES and name != module}
        for module, imports in GRAPH.items()
    }
    cycles = []
    state = {}

    def walk(module, path):
        state[module] = "open"
        for target in sorted(edges[module]):
            if state.get(target) == "open":
                cycles.append(" -> ".join([*path[path.index(target) :], target]))
            elif target not in state:
                walk(target, [*path, target])
        state[module] = "done"

    for module in sorted(edges):
        if module not in state:
            walk(module, [module])
    assert not cycles


def test_nothing_is_imported_inside_a_function_except_in_app_ready():
    assert not [
        f"{module}:{line} imports {name} inside {function}()"
        for module, imports in GRAPH.items()
        for name, line, function in imports
        if function not in (None, "ready")
    ]


def test_no_module_is_over_400_lines():
    assert not [
        f"{path.relative_to(ROOT)}: {lines} lines"
        for path in MODULES.values()
        if str(path.relative_to(ROOT)) not in LONG_ALLOWED
        and (lines := len(path.read_text().splitlines())) > MAX_LINES
    ]
