"""Lists `from X import name` statements whose name module X no longer binds.

Reads every .py file below ROOT with Python's own `ast` (nothing is imported or
run). X counts when it is a file below ROOT; `name` is found when X binds it at
module level (imports, definitions, assignments, in any branch of if/try/with/
for/while/match), when X.name is a submodule, or when X can supply any name
(a `*` import, a module-level `__getattr__`). Prints one JSON list of
"importer: X.name" strings.
"""
import ast
import json
import os
import sys


def module_name(root, path):
    parts = os.path.relpath(path, root)[:-3].split(os.sep)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def target_names(target, names):
    if isinstance(target, ast.Name):
        names.add(target.id)
    elif isinstance(target, (ast.Tuple, ast.List)):
        for element in target.elts:
            target_names(element, names)
    elif isinstance(target, ast.Starred):
        target_names(target.value, names)


def module_bindings(statements, names):
    """Adds what `statements` bind at module level; returns whether any name may come from elsewhere."""
    open_ended = False
    for node in statements:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                if alias.name == "*":
                    open_ended = True
                else:
                    names.add(alias.asname or alias.name.split(".")[0])
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
            open_ended |= node.name == "__getattr__"
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                target_names(target, names)
        elif isinstance(node, (ast.AnnAssign, ast.AugAssign)):
            target_names(node.target, names)
        elif isinstance(node, (ast.For, ast.AsyncFor)):
            target_names(node.target, names)
        elif isinstance(node, (ast.With, ast.AsyncWith)):
            for item in node.items:
                if item.optional_vars is not None:
                    target_names(item.optional_vars, names)
        elif isinstance(node, ast.Global):
            names.update(node.names)
        for field in ("body", "orelse", "finalbody"):
            block = getattr(node, field, None)
            if isinstance(block, list) and not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                open_ended |= module_bindings(block, names)
        for handler in getattr(node, "handlers", []):
            if handler.name:
                names.add(handler.name)
            open_ended |= module_bindings(handler.body, names)
        for case in getattr(node, "cases", []):
            open_ended |= module_bindings(case.body, names)
    return open_ended


def main(root):
    trees = {}
    for directory, _, files in os.walk(root):
        for file in files:
            if file.endswith(".py"):
                path = os.path.join(directory, file)
                try:
                    with open(path, "rb") as source:
                        trees[module_name(root, path)] = (path, ast.parse(source.read()))
                except (SyntaxError, ValueError):
                    pass
    bound = {}
    for name, (_, tree) in trees.items():
        names = set()
        open_ended = module_bindings(tree.body, names)
        bound[name] = (names, open_ended)
    broken = []
    for importer, (path, tree) in trees.items():
        package = importer if path.endswith("__init__.py") else importer.rpartition(".")[0]
        for node in ast.walk(tree):
            if not isinstance(node, ast.ImportFrom):
                continue
            if node.level:
                base = package.split(".") if package else []
                base = base[: len(base) - (node.level - 1)] if node.level > 1 else base
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            if module not in bound:
                continue
            names, open_ended = bound[module]
            for alias in node.names:
                if alias.name == "*" or open_ended or alias.name in names or f"{module}.{alias.name}" in trees:
                    continue
                broken.append(f"{importer}: {module}.{alias.name}")
    print(json.dumps(sorted(set(broken))))


main(sys.argv[1])
