"""Fail CI on any skipped test that is not on the allowlist (.ci/skip-allowlist.txt).

Reads pytest's JUnit XML. Each allowlist line is a test id prefix (``tests/x.py::test_y``);
blank lines and ``#`` comments are ignored.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def skipped_tests(junit_xml: Path) -> list[tuple[str, str]]:
    root = ET.parse(junit_xml).getroot()
    out: list[tuple[str, str]] = []
    for case in root.iter("testcase"):
        skip = case.find("skipped")
        if skip is None:
            continue
        classname = case.get("classname", "")
        module = classname.replace(".", "/")
        # pytest writes classname "tests.unit.test_x" or "tests.unit.test_x.TestCls"
        parts = module.split("/")
        path_parts, cls = [], []
        for i, p in enumerate(parts):
            path_parts.append(p)
            if p.startswith("test_"):
                cls = parts[i + 1 :]
                break
        test_id = "/".join(path_parts) + ".py::" + "::".join([*cls, case.get("name", "")])
        out.append((test_id, skip.get("message", "")))
    return out


def main(argv: list[str]) -> int:
    junit = Path(argv[1])
    allow_file = Path(argv[2]) if len(argv) > 2 else Path(".ci/skip-allowlist.txt")
    allowed = [
        line.strip()
        for line in allow_file.read_text().splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ] if allow_file.exists() else []
    bad = [(t, m) for t, m in skipped_tests(junit) if not any(t.startswith(a) for a in allowed)]
    for test_id, message in bad:
        print(f"skip not on the allowlist: {test_id}: {message}", file=sys.stderr)
    if bad:
        print(f"{len(bad)} unexpected skip(s); allowlist: {allow_file}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
