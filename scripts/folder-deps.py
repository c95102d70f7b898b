#!/usr/bin/env python3
"""Which folders of a project use which: prints 'A -> B (types)' and every two-way pair.

A folder uses another when one of its files names a type declared there (a word match on the code with comments and
strings removed: approximate, but it errs towards reporting). Files at the project root are the folder '(root)'.
Usage: scripts/folder-deps.py [project dir] [--check]   (default src/Rivya.Sdk; --check exits 1 on a two-way pair)
"""
import os
import re
import sys
from collections import defaultdict

args = [a for a in sys.argv[1:] if not a.startswith("--")]
check = "--check" in sys.argv
root = args[0] if args else os.path.join(os.path.dirname(__file__), "..", "src", "Rivya.Sdk")

COMMENT = re.compile(r"//[^\n]*|/\*.*?\*/", re.S)
STRING = re.compile(r'@"(?:[^"]|"")*"|\$?"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\])\'')
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
                files[path] = STRING.sub('""', COMMENT.sub("", f.read()))

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
sys.exit(1 if check and two_way else 0)
