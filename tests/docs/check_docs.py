#!/usr/bin/env python3
"""Keeps docs/ in step with the program: the documentation cannot silently drift.

    check_docs.py SOURCE_DIR

Checks, reading only the source tree:
  1. schemas: every element, attribute and enumerated value of templates/schema/*.rng is named
     on its page (document.rng in docs/markup.md; meetings, month and guidance in
     docs/data-formats.md; profile.rng in docs/layouts/README.md);
  2. profiles: each templates/profiles/NAME.xml has docs/layouts/NAME.md, which states every
     rule value as written in the file (attr="value" in the element's section; one table row
     per list marker, prefix, style and type with the same values), repeats every source= and
     unconfirmed= text, and marks UNCONFIRMED exactly the styles and types the file marks; every
     source key ([N1], [P84] ...) is in the sources table of docs/layouts/README.md with an
     address; every profile is listed in docs/README.md and docs/layouts/README.md;
  3. command line: every command, option, --format value and environment variable the
     program reads, and every exit status it returns, is in docs/command-line.md (and every
     option of vanban serve in docs/serve.md, with serve.rng);
  4. links: every relative link in docs/ and README.md reaches an existing file, and an
     #anchor into a Markdown page reaches one of its headings;
  5. no file of the project points readers at the old out-of-tree spec any more.
Prints every problem found and exits 1 if there is one.
"""

import pathlib
import re
import sys
import xml.etree.ElementTree as ET

RNG = "{http://relaxng.org/ns/structure/1.0}"

problems = []


def problem(where, message):
    problems.append(f"{where}: {message}")


def read(path):
    return path.read_text(encoding="utf-8")


def squash(text):
    """Whitespace-insensitive form, so that wrapped lines still match."""
    return re.sub(r"\s+", " ", text).strip()


# ---- 1. Schemas --------------------------------------------------------------------------------

def schema_names(rng_path):
    """(elements, attributes, values) named by a RELAX NG grammar in XML syntax."""
    root = ET.parse(rng_path).getroot()
    elements, attributes, values = set(), set(), set()
    for node in root.iter():
        if node.tag == RNG + "element" and node.get("name"):
            elements.add(node.get("name"))
        elif node.tag == RNG + "attribute" and node.get("name"):
            attributes.add(node.get("name"))
        elif node.tag == RNG + "value" and node.text:
            values.add(node.text.strip())
    return elements, attributes, values


def check_schema(source, rng_name, page_name):
    page_path = source / "docs" / page_name
    text = read(page_path)
    elements, attributes, values = schema_names(source / "templates" / "schema" / rng_name)
    for e in sorted(elements):
        if not re.search(r"<" + re.escape(e) + r"[\s>/]", text):
            problem(page_name, f"element <{e}> of {rng_name} is not described (write it as <{e}>)")
    for a in sorted(attributes):
        if not re.search(r"`" + re.escape(a) + r"`|(?<![\w-])" + re.escape(a) + r'="', text):
            problem(page_name, f"attribute {a} of {rng_name} is not described (write it as `{a}` or {a}=\"...\")")
    for v in sorted(values):
        if f"`{v}`" not in text and f'"{v}"' not in text:
            problem(page_name, f"value '{v}' of {rng_name} is not described (write it as `{v}`)")


# ---- 2. Profiles -------------------------------------------------------------------------------

SECTIONED = ["page", "header", "number", "body", "signature", "recipients", "page-numbers"]
DOC_ATTRS = ("source", "unconfirmed")


def sections(text):
    """Heading line -> the text under it up to the next heading of any level."""
    out = {}
    parts = re.split(r"^(#{1,6} .*)$", text, flags=re.M)
    for i in range(1, len(parts), 2):
        out[parts[i]] = parts[i + 1]
    return out


def section_of(text, element):
    for heading, body in sections(text).items():
        if f"`<{element}>`" in heading:
            return body
    return None


def table_rows(text):
    """Each Markdown table row as its list of stripped cells."""
    rows = []
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("|") and line.endswith("|") and not re.match(r"^\|[-| :]+\|$", line):
            rows.append([c.strip() for c in line[1:-1].split("|")])
    return rows


def row_starting(rows, first_cell):
    for r in rows:
        if r and r[0] == first_cell:
            return r
    return None


def code(attr, value):
    return f'`{attr}="{value}"`'


def check_documentation_text(where, element, section_text, label):
    for attr in DOC_ATTRS:
        value = element.get(attr)
        if value is not None and squash(value) not in squash(section_text):
            problem(where, f"{label}: the {attr}= text '{value}' is not repeated")
    if element.get("unconfirmed") is not None and "UNCONFIRMED" not in section_text:
        problem(where, f"{label}: the rule is unconfirmed in the profile but not marked UNCONFIRMED")


def same_number(a, b):
    try:
        return float(a) == float(b)
    except ValueError:
        return False


def check_profile(source, profile_path, source_keys):
    stem = profile_path.stem
    page_name = f"layouts/{stem}.md"
    page_path = source / "docs" / "layouts" / f"{stem}.md"
    if not page_path.exists():
        problem(f"docs/{page_name}", f"missing: every profile has its page ({profile_path.name})")
        return
    text = read(page_path)
    root = ET.parse(profile_path).getroot()
    where = f"docs/{page_name}"

    for attr, value in root.attrib.items():
        if attr not in DOC_ATTRS and code(attr, value) not in text:
            problem(where, f"<profile {attr}=\"{value}\"> is not stated as {code(attr, value)}")
    check_documentation_text(where, root, text, "<profile>")

    for name in SECTIONED:
        element = root.find(name)
        body = section_of(text, name)
        if body is None:
            problem(where, f"no section whose heading names `<{name}>`")
            continue
        for attr, value in element.attrib.items():
            if attr not in DOC_ATTRS and code(attr, value) not in body:
                problem(where, f"<{name}>: {code(attr, value)} is not stated in its section")
        check_documentation_text(where, element, body, f"<{name}>")
        rows = table_rows(body)
        if name == "header":
            for title in element.findall("title"):
                if title.text.strip() not in body:
                    problem(where, f"<header>: the title line '{title.text.strip()}' is not given")
            for a in element.findall("abbreviation"):
                label = f"<abbreviation short=\"{a.get('short')}\">"
                row = row_starting(rows, f"`{a.get('short')}`")
                if row is None or len(row) < 2 or row[1] != a.text.strip():
                    problem(where, f"{label}: no row `{a.get('short')}` | {a.text.strip()}")
                else:
                    check_documentation_text(where, a, " ".join(row), label)
        if name == "body":
            for m in element.findall("list-marker"):
                row = row_starting(rows, code("depth", m.get("depth")))
                label = f"<list-marker depth=\"{m.get('depth')}\">"
                if row is None:
                    problem(where, f"{label}: no table row starting with {code('depth', m.get('depth'))}")
                    continue
                for attr in ("ordered", "dash"):
                    if code(attr, m.get(attr)) not in row:
                        problem(where, f"{label}: {code(attr, m.get(attr))} is not in its row")
                check_documentation_text(where, m, " ".join(row), label)
        if name == "signature":
            for p in element.findall("prefix"):
                label = f"<prefix meaning=\"{p.get('meaning')}\">"
                row = row_starting(rows, f"`{p.get('meaning')}`")
                if row is None or len(row) < 2 or row[1] != f"`{p.text.strip()}`":
                    problem(where, f"{label}: no row `{p.get('meaning')}` | `{p.text.strip()}`")
                else:
                    check_documentation_text(where, p, " ".join(row), label)

    styles_section = section_of(text, "style")
    if styles_section is None:
        problem(where, "no section whose heading names `<style>`")
    else:
        rows = table_rows(styles_section)
        check_documentation_text(where, root.find("styles"), styles_section, "<styles>")
        for s in root.find("styles").findall("style"):
            element = s.get("element")
            label = f"<style element=\"{element}\">"
            row = row_starting(rows, f"`{element}`")
            if row is None or len(row) < 5:
                problem(where, f"{label}: no row `{element}` | size | style | case | source")
                continue
            if not same_number(row[1], s.get("size")):
                problem(where, f"{label}: size {s.get('size')} in the profile, {row[1]} on the page")
            wanted = {flag for flag, attr in (("bold", "bold"), ("italic", "italic"), ("underlined", "underline"))
                      if s.get(attr) == "true"}
            shown = {w.strip() for w in row[2].split(",")} - {"regular"}
            if wanted != shown:
                problem(where, f"{label}: style {sorted(wanted) or 'regular'} in the profile, '{row[2]}' on the page")
            case = s.get("case") or "as-written"
            if row[3] != f"`{case}`":
                problem(where, f"{label}: case `{case}` in the profile, {row[3]} on the page")
            check_documentation_text(where, s, " ".join(row), label)
            if s.get("unconfirmed") is None and "UNCONFIRMED" in " ".join(row):
                problem(where, f"{label}: marked UNCONFIRMED on the page but not in the profile")

    types_section = section_of(text, "type")
    if types_section is None:
        problem(where, "no section whose heading names `<type>`")
    else:
        rows = table_rows(types_section)
        check_documentation_text(where, root.find("types"), types_section, "<types>")
        for t in root.find("types").findall("type"):
            label = f"<type id=\"{t.get('id')}\">"
            row = row_starting(rows, f"`{t.get('id')}`")
            if row is None or len(row) < 4:
                problem(where, f"{label}: no row `{t.get('id')}` | name | symbol | note")
                continue
            name, symbol = t.get("name"), t.get("symbol")
            if (name and row[1] != name) or (not name and not row[1].startswith("—")):
                problem(where, f"{label}: name '{name}' in the profile, '{row[1]}' on the page")
            if (symbol and row[2] != f"`{symbol}`") or (not symbol and not row[2].startswith("—")):
                problem(where, f"{label}: symbol '{symbol}' in the profile, '{row[2]}' on the page")
            check_documentation_text(where, t, " ".join(row), label)
            if t.get("unconfirmed") is None and "UNCONFIRMED" in " ".join(row):
                problem(where, f"{label}: marked UNCONFIRMED on the page but not in the profile")

    # Every source key the profile cites is listed, with an address.
    cited = set()
    for node in root.iter():
        for attr in DOC_ATTRS:
            cited.update(re.findall(r"\[([A-Z][A-Z0-9]+)\]", node.get(attr) or ""))
    for key in sorted(cited):
        if key not in source_keys:
            problem("docs/layouts/README.md", f"source key [{key}] used in {profile_path.name} is not in the Sources table")


def source_table(source):
    """Key -> address cell of the Sources table of docs/layouts/README.md."""
    text = read(source / "docs" / "layouts" / "README.md")
    body = None
    for heading, content in sections(text).items():
        if heading.strip() == "## Sources":
            body = content
    keys = {}
    if body is None:
        problem("docs/layouts/README.md", "no '## Sources' section")
        return keys
    for row in table_rows(body):
        m = re.fullmatch(r"\[([A-Z][A-Z0-9]+)\]", row[0])
        if m:
            keys[m.group(1)] = row[-1]
            if row[-1] != "—" and "http" not in row[-1]:
                problem("docs/layouts/README.md", f"source [{m.group(1)}] has no address")
    return keys


# ---- 3. Command line ---------------------------------------------------------------------------

def check_command_line(source):
    page = "docs/command-line.md"
    text = read(source / page)
    cli = source / "generator" / "cli"
    options_cpp = read(cli / "options.cpp")
    guides_cpp = read(cli / "guides_command.cpp")

    commands = set(re.findall(r'name == "([a-z]+)"\) return Command::', options_cpp))
    commands.add("guides")
    if len(commands) < 4:
        problem("generator/cli/options.cpp", "this test no longer finds the commands; update check_docs.py")
    for c in sorted(commands):
        if f"vanban {c}" not in text:
            problem(page, f"command '{c}' is not described (write 'vanban {c}')")

    options = set(re.findall(r'"(--?[a-z][a-z-]*)"', options_cpp + guides_cpp))
    options.add("--version")
    if len(options) < 10:
        problem("generator/cli/options.cpp", "this test no longer finds the options; update check_docs.py")
    for o in sorted(options):
        if not re.search(r"(?<![\w-])" + re.escape(o) + r"(?![\w-])", text):
            problem(page, f"option {o} is not described")

    for f in sorted(set(re.findall(r'item == "([a-z]+)"', options_cpp))):
        if f"`{f}`" not in text:
            problem(page, f"--format value '{f}' is not described (write it as `{f}`)")

    variables = set()
    for cpp in (source / "generator").rglob("*.cpp"):
        variables.update(re.findall(r'getenv\("([A-Z_]+)"\)', read(cpp)))
    for v in sorted(variables):
        if f"`{v}`" not in text:
            problem(page, f"environment variable {v} is not described (write it as `{v}`)")

    statuses = set(re.findall(r"kExit\w+\s*=\s*(\d+)", read(cli / "app.h")))
    if len(statuses) < 3:
        problem("generator/cli/app.h", "this test no longer finds the exit statuses; update check_docs.py")
    statuses.update({"130", "143"})  # 128 + SIGINT, 128 + SIGTERM (batch/build_run.cpp)
    rows = table_rows(text)
    for s in sorted(statuses, key=int):
        if row_starting(rows, s) is None:
            problem(page, f"exit status {s} has no row in the exit status table")


def check_serve_options(source):
    page = "docs/serve.md"
    text = read(source / page)
    serve_cpp = read(source / "generator" / "cli" / "serve_command.cpp")
    options = set(re.findall(r'name == "(--?[a-z][a-z-]*)"', serve_cpp))
    if len(options) < 6:
        problem("generator/cli/serve_command.cpp", "this test no longer finds the options; update check_docs.py")
    for o in sorted(options):
        if not re.search(r"(?<![\w-])" + re.escape(o) + r"(?![\w-])", text):
            problem(page, f"option {o} of vanban serve is not described")
    if "vanban serve" not in read(source / "docs" / "command-line.md"):
        problem("docs/command-line.md", "command 'serve' is not described (write 'vanban serve')")


# ---- 4. Links ----------------------------------------------------------------------------------

def slug(heading):
    """GitHub's anchor for a heading."""
    text = re.sub(r"^#+\s*", "", heading).strip().lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors(path):
    text = re.sub(r"^```.*?^```", "", read(path), flags=re.M | re.S)
    return {slug(h) for h in re.findall(r"^#{1,6} .*$", text, flags=re.M)}


def check_links(source):
    pages = sorted((source / "docs").rglob("*.md")) + [source / "README.md"]
    for page in pages:
        text = re.sub(r"^```.*?^```", "", read(page), flags=re.M | re.S)
        for target in re.findall(r"\]\(([^)\s]+)\)", text):
            if re.match(r"[a-z]+:", target):
                continue
            file_part, _, anchor = target.partition("#")
            target_path = (page.parent / file_part).resolve() if file_part else page
            where = str(page.relative_to(source))
            if not target_path.exists():
                problem(where, f"link to a missing file: {target}")
            elif anchor and target_path.suffix == ".md" and anchor not in anchors(target_path):
                problem(where, f"link to a missing heading: {target}")


# ---- 5. No pointers outside the project --------------------------------------------------------

def check_no_outside_references(source):
    old = ["shared/" + "spec", "document-" + "markup.md", "layouts" + ".md"]
    this = pathlib.Path(__file__).resolve()
    roots = ["README.md", "CMakeLists.txt", "templates", "generator", "tests", "content", "bench", "docs"]
    for name in roots:
        base = source / name
        files = [base] if base.is_file() else [p for p in base.rglob("*") if p.is_file()]
        for f in files:
            if f.resolve() == this:
                continue
            try:
                text = f.read_text(encoding="utf-8")
            except (UnicodeDecodeError, OSError):
                continue
            for ref in old:
                for m in re.finditer(re.escape(ref), text):
                    line = text.count("\n", 0, m.start()) + 1
                    problem(f"{f.relative_to(source)}:{line}", f"points outside the project ('{ref}'); cite docs/ instead")


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    source = pathlib.Path(sys.argv[1]).resolve()

    check_schema(source, "document.rng", "markup.md")
    for rng in ("meetings.rng", "month.rng", "guidance.rng"):
        check_schema(source, rng, "data-formats.md")
    check_schema(source, "profile.rng", "layouts/README.md")
    check_schema(source, "site.rng", "site.md")
    check_schema(source, "serve.rng", "serve.md")

    keys = source_table(source)
    index = read(source / "docs" / "README.md")
    layouts_index = read(source / "docs" / "layouts" / "README.md")
    profiles = sorted((source / "templates" / "profiles").glob("*.xml"))
    if not profiles:
        problem("templates/profiles", "no profile found")
    for p in profiles:
        check_profile(source, p, keys)
        if f"layouts/{p.stem}.md" not in index:
            problem("docs/README.md", f"profile page layouts/{p.stem}.md is not listed")
        if f"({p.stem}.md)" not in layouts_index:
            problem("docs/layouts/README.md", f"profile page {p.stem}.md is not listed")

    check_command_line(source)
    check_serve_options(source)
    check_links(source)
    check_no_outside_references(source)

    for p in problems:
        print(p)
    print(f"{len(problems)} problem(s) in the documentation" if problems else
          f"docs/ is in step with the schemas, {len(profiles)} profiles and the command line")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
