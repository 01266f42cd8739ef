#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every document a comment or text in the repository cites must exist, and so must the section.

    tools/check-doc-references.py [SOURCE_DIR]     (default: the repository this script is in)
    tools/check-doc-references.py --self-test

A citation is a document name followed by a section sign, with or without `docs/` and `.md`:
`docs/HELPER.md §4.2`, `HELPER.md §4.2`, `NTP-NOTES §1.5/§1.6`, `ARCHITECTURE.md §2, §3 and §5`,
`HELPER.md §1.5 A` (the letter names a paragraph inside §1.5). A bare `NAME.md` must name a file.
Names resolve to docs/NAME.md, then to NAME.md at the top level; a name with a slash
(`tests/fuzz/README.md`) is a path from the top level. RFC sections ("RFC 5905 §8") are not
documents of the repository and are not checked.

Sections are the numbered Markdown headings of a document ("## 3. Command line" is §3,
"### 4.2 Messages" is §4.2) and the items of a numbered list directly under a heading ("7. ..."
at the start of a line under "## 5. Pitfalls" is §5.7).

Exit status 0 when every citation resolves; 1 otherwise, one line per broken citation as
FILE:LINE: message; 2 for usage errors.
"""

import os
import re
import subprocess
import sys
import tempfile

# Files that are read for citations: text sources, build and packaging files, documents.
TEXT_SUFFIXES = (".h", ".cpp", ".c", ".mm", ".txt", ".cmake", ".sh", ".py", ".md", ".in", ".yml",
                 ".yaml", ".json", ".xml", ".desktop", ".policy", ".plist", ".wxs", ".nsi", ".1")
TEXT_NAMES = ("CMakeLists.txt", "dev.sh", "run")
SKIP_DIRS = ("build", ".git", "seeds")
# Names that look like documents but are not ours ("RFC 5905 §8" is checked by nobody; "RFC §8"
# in prose means the RFC under discussion).
NOT_DOCUMENTS = ("RFC", "BCP", "STD")
# This script's own examples are not citations.
SKIP_FILES = ("tools/check-doc-references.py",)

NAME = r"(?:[A-Za-z0-9_.-]+/)*[A-Z][A-Z0-9_-]*[A-Z0-9]"
# NAME.md anywhere, or NAME followed by a section sign (optionally after a closing backtick).
CITATION = re.compile(r"(?<![\w/.-])(?P<name>" + NAME + r")(?![A-Za-z0-9_-])(?P<md>\.md)?`?")
# The sections after the name: "§1.5", then ", §2", " and §3", "/§1.6", " or §4" ...
FIRST_SECTION = re.compile(r"[ \t]*§[ \t]?(?P<number>\d+(?:\.\d+)*)")
NEXT_SECTION = re.compile(r"(?:[ \t]*[A-Z](?![\w]))?[ \t]*(?:,|/|and|or|,[ \t]*and)[ \t]*§[ \t]?(?P<number>\d+(?:\.\d+)*)")
HEADING = re.compile(r"^#{1,6}[ \t]+(?P<number>\d+(?:\.\d+)*)\.?(?:[ \t]|$)")
LIST_ITEM = re.compile(r"^(?P<number>\d+)\.[ \t]")
FENCE = re.compile(r"^(```|~~~)")


def sections_of(path):
    """The section numbers a Markdown document defines (headings and top-level numbered items)."""
    sections = set()
    current = None
    in_fence = False
    with open(path, encoding="utf-8") as f:
        for line in f:
            if FENCE.match(line):
                in_fence = not in_fence
                continue
            if in_fence:
                continue
            heading = HEADING.match(line)
            if heading:
                current = heading.group("number")
                sections.add(current)
                continue
            if line.startswith("#"):
                current = None
                continue
            item = LIST_ITEM.match(line)
            if item and current is not None:
                sections.add(current + "." + item.group("number"))
    return sections


def candidate_files(root):
    """The files to read: those git tracks (plus untracked, not ignored), or a walk of the tree."""
    try:
        out = subprocess.run(["git", "-C", root, "ls-files", "-z", "--cached", "--others",
                              "--exclude-standard"], check=True, capture_output=True).stdout
        names = [n for n in out.decode("utf-8", "replace").split("\0") if n]
    except (OSError, subprocess.CalledProcessError):
        names = []
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = [d for d in dirnames if d not in SKIP_DIRS and not d.startswith("build")]
            for filename in filenames:
                names.append(os.path.relpath(os.path.join(dirpath, filename), root))
    for name in sorted(names):
        parts = name.split("/")
        if any(p in SKIP_DIRS for p in parts[:-1]) or name in SKIP_FILES:
            continue
        if name.endswith(TEXT_SUFFIXES) or parts[-1] in TEXT_NAMES:
            if os.path.isfile(os.path.join(root, name)):
                yield name


def resolve(root, name):
    """The document path (relative to root) a cited name stands for, or None."""
    filename = name + ".md"
    if "/" in filename:
        candidates = [filename]
    else:
        candidates = ["docs/" + filename, filename]
    for candidate in candidates:
        if os.path.isfile(os.path.join(root, candidate)):
            return candidate
    return None


def check(root):
    """Returns (number of citations checked, list of 'file:line: problem')."""
    known_docs = set()
    docs_dir = os.path.join(root, "docs")
    if os.path.isdir(docs_dir):
        known_docs = {f[:-3] for f in os.listdir(docs_dir) if f.endswith(".md")}
    section_cache = {}
    problems = []
    count = 0
    for relpath in candidate_files(root):
        try:
            with open(os.path.join(root, relpath), encoding="utf-8") as f:
                lines = f.read().split("\n")
        except UnicodeDecodeError:
            continue
        for lineno, line in enumerate(lines, 1):
            for match in CITATION.finditer(line):
                name, has_md, rest = match.group("name"), bool(match.group("md")), line[match.end():]
                sections = []
                first = FIRST_SECTION.match(rest)
                if first:
                    sections.append(first.group("number"))
                    tail = rest[first.end():]
                    while True:
                        more = NEXT_SECTION.match(tail)
                        if not more:
                            break
                        sections.append(more.group("number"))
                        tail = tail[more.end():]
                # Only document citations: NAME.md, NAME §N, or a bare name of a file in docs/.
                if not has_md and (name in NOT_DOCUMENTS or (not sections and name not in known_docs)):
                    continue
                count += 1
                where = f"{relpath}:{lineno}"
                doc = resolve(root, name)
                shown = name + (".md" if has_md else "")
                if doc is None:
                    problems.append(f"{where}: cites {shown}, which is neither docs/{os.path.basename(name)}.md"
                                    " nor a file of the repository")
                    continue
                if doc not in section_cache:
                    section_cache[doc] = sections_of(os.path.join(root, doc))
                for number in sections:
                    if number not in section_cache[doc]:
                        problems.append(f"{where}: cites {shown} §{number}, but {doc} has no section {number}")
    return count, problems


def self_test():
    """The checker finds what it must and nothing else, on a small made-up tree."""
    with tempfile.TemporaryDirectory() as root:
        os.makedirs(os.path.join(root, "docs"))
        os.makedirs(os.path.join(root, "src"))
        with open(os.path.join(root, "docs", "GUIDE.md"), "w", encoding="utf-8") as f:
            f.write("# Guide\n## 1. One\n### 1.2 One two\n```\n## 9. In a code block\n```\n"
                    "## 3. Pitfalls\n1. first\n2. second\n")
        with open(os.path.join(root, "NOTES.md"), "w", encoding="utf-8") as f:
            f.write("# Notes\n## 4. Four\n")
        source = [
            "// fine: GUIDE.md §1, docs/GUIDE.md §1.2, GUIDE §3.2, NOTES.md §4, RFC 5905 §8",  # 1
            "// fine: GUIDE.md §1.2 A, §3.1 and §3.2; GUIDE §1/§1.2; `GUIDE.md` §1",          # 2
            "// broken: GUIDE.md §1.2 A and §2",                                                  # 3
            "// broken: MISSING.md and OTHER §1",                                                # 4
            "// broken: GUIDE.md §9 (only in a code block), GUIDE §1, §3.3",                     # 5
            "// fine: a bare GUIDE name, README-like words without a section sign, RFC §8",      # 6
        ]
        with open(os.path.join(root, "src", "a.cpp"), "w", encoding="utf-8") as f:
            f.write("\n".join(source) + "\n")
        count, problems = check(root)
    expected = [
        "src/a.cpp:3: cites GUIDE.md §2, but docs/GUIDE.md has no section 2",
        "src/a.cpp:4: cites MISSING.md, which is neither docs/MISSING.md nor a file of the repository",
        "src/a.cpp:4: cites OTHER, which is neither docs/OTHER.md nor a file of the repository",
        "src/a.cpp:5: cites GUIDE.md §9, but docs/GUIDE.md has no section 9",
        "src/a.cpp:5: cites GUIDE §3.3, but docs/GUIDE.md has no section 3.3",
    ]
    if problems != expected or count != 13:
        print("self-test FAILED\nexpected:\n  " + "\n  ".join(expected) + f"\n(13 citations)\ngot:\n  "
              + "\n  ".join(problems) + f"\n({count} citations)")
        return 1
    print(f"self-test passed: {count} citations, the {len(expected)} broken ones found with file:line")
    return 0


def main(argv):
    if argv[1:] == ["--self-test"]:
        return self_test()
    if len(argv) > 2 or (len(argv) == 2 and argv[1].startswith("-")):
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        return 2
    root = argv[1] if len(argv) == 2 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    if not os.path.isdir(root):
        print(f"{root}: not a directory", file=sys.stderr)
        return 2
    count, problems = check(root)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} of {count} document citations do not resolve")
        return 1
    print(f"all {count} document citations resolve")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
