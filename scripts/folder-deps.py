#!/usr/bin/env python3
"""Which folders of a project use which: prints 'A -> B (types)', every two-way pair, every longer cycle, and every
type declared in two folders (a partial class split across folders hides its dependencies).

A folder uses another when one of its files names a type declared there (a word match on the code with comments and
strings removed: approximate, but it errs towards reporting). Files at the project root are the folder '(root)'.
Usage: scripts/folder-deps.py [project dir] [--check]   (default src/Rivya.Sdk; --check exits 1 on any of those)
"""
import os
import re
import sys
from collections import defaultdict

args = [a for a in sys.argv[1:] if not a.startswith("--")]
check = "--check" in sys.argv
root = args[0] if args else os.path.join(os.path.dirname(__file__), "..", "src", "Rivya.Sdk")

def code_only(text):
    """The code of a C# file with comments and string/char literals removed, but the holes of interpolated strings kept
    (a type named only inside `$"...{Type.Member}..."` is still a dependency). One pass, so `//` or `/*` inside a
    string is not taken for a comment."""
    out = []
    i, n = 0, len(text)

    def skip_string(i, verbatim, interpolated, raw_quotes=0):
        # i is just past the opening quote(s); returns the index past the closing quote(s)
        while i < n:
            c = text[i]
            if raw_quotes:
                if text.startswith('"' * raw_quotes, i):
                    return i + raw_quotes
            elif c == '\\' and not verbatim:
                i += 2
                continue
            elif c == '"':
                if verbatim and i + 1 < n and text[i + 1] == '"':
                    i += 2
                    continue
                return i + 1
            if interpolated and c == '{':
                if i + 1 < n and text[i + 1] == '{':
                    i += 2
                    continue
                i = hole(i + 1)
                continue
            i += 1
        return i

    def hole(i):
        # code of an interpolation hole, up to its closing brace at depth 0
        depth = 0
        while i < n:
            c = text[i]
            if c == '{':
                depth += 1
            elif c == '}':
                if depth == 0:
                    out.append(' ')
                    return i + 1
                depth -= 1
            elif c == '"' or (c in '$@' and text[i:i + 3].lstrip('$@').startswith('"')):
                i = literal(i)
                continue
            out.append(c)
            i += 1
        return i

    def literal(i):
        # a string starting at i (with its $/@ prefixes); returns the index past it
        j = i
        while j < n and text[j] in '$@':
            j += 1
        prefix = text[i:j]
        quotes = 0
        while j + quotes < n and text[j + quotes] == '"':
            quotes += 1
        out.append('""')
        if quotes >= 3:
            return skip_string(j + quotes, True, '$' in prefix, raw_quotes=quotes)
        return skip_string(j + 1, '@' in prefix, '$' in prefix)

    while i < n:
        c = text[i]
        if text.startswith('//', i):
            end = text.find('\n', i)
            i = n if end < 0 else end
        elif text.startswith('/*', i):
            end = text.find('*/', i + 2)
            i = n if end < 0 else end + 2
        elif c == '"' or (c in '$@' and text[i:i + 3].lstrip('$@').startswith('"')):
            i = literal(i)
        elif c == "'" and i + 2 < n and (text[i + 2] == "'" or text[i + 1] == '\\'):
            end = text.find("'", i + 2 if text[i + 1] != '\\' else i + 3)
            out.append("' '")
            i = n if end < 0 else end + 1
        else:
            out.append(c)
            i += 1
    return ''.join(out)


DECL = re.compile(r"\b(?:class|struct|interface|enum|record(?:\s+struct|\s+class)?)\s+([A-Z]\w*)")
WORD = re.compile(r"\b[A-Z]\w*\b")


def folder_of(path):
    rel = os.path.relpath(path, root)
    parts = rel.split(os.sep)
    return parts[0] if len(parts) > 1 else "(root)"


files = {}
for base, dirs, names in os.walk(root):
    dirs[:] = [d for d in dirs if d not in ("bin", "obj")]
    for name in names:
        if name.endswith(".cs"):
            path = os.path.join(base, name)
            with open(path, encoding="utf-8") as f:
                files[path] = code_only(f.read())

declared = defaultdict(set)  # type name -> folders declaring it
for path, code in files.items():
    for name in DECL.findall(code):
        declared[name].add(folder_of(path))

uses = defaultdict(set)  # (from, to) -> type names
for path, code in files.items():
    here = folder_of(path)
    for word in set(WORD.findall(code)):
        for there in declared.get(word, ()):
            if there != here and here not in declared[word]:
                uses[(here, there)].add(word)

for (a, b), names in sorted(uses.items()):
    print(f"{a} -> {b} ({', '.join(sorted(names))})")

two_way = sorted({tuple(sorted(p)) for p in uses if (p[1], p[0]) in uses})
print()
print("two-way:" if two_way else "no two-way folder dependency")
for a, b in two_way:
    print(f"  {a} <-> {b}")

# Longer cycles: strongly connected components of the folder graph (Tarjan), larger than a two-way pair.
graph = defaultdict(set)
for a, b in uses:
    graph[a].add(b)
index, low, stack, on_stack, components = {}, {}, [], set(), []


def visit(node):
    index[node] = low[node] = len(index)
    stack.append(node)
    on_stack.add(node)
    for nxt in sorted(graph[node]):
        if nxt not in index:
            visit(nxt)
            low[node] = min(low[node], low[nxt])
        elif nxt in on_stack:
            low[node] = min(low[node], index[nxt])
    if low[node] == index[node]:
        component = []
        while True:
            member = stack.pop()
            on_stack.discard(member)
            component.append(member)
            if member == node:
                break
        components.append(sorted(component))


for node in sorted(set(graph) | {b for a, b in uses}):
    if node not in index:
        visit(node)
cycles = [c for c in components if len(c) > 2]
print("cycles:" if cycles else "no longer cycle")
for c in cycles:
    print("  " + " -> ".join(c))

split = sorted(name for name, where in declared.items() if len(where) > 1)
print("types declared in more than one folder: " + (", ".join(split) if split else "none"))
sys.exit(1 if check and (two_way or cycles or split) else 0)
