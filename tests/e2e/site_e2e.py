#!/usr/bin/env python3
"""End-to-end check of the board's web site written by `vanban build` (out/site): every link and
asset resolves inside the folder, feed.xml and sitemap.xml parse with their namespaces, every
article has its metadata, PDF, canonical and Open Graph tags, one <h1> and lang="vi"; slugs and
bytes stay the same on a rebuild, a removed document's page goes, a file vanban did not write
stays; a document without a subject and a duplicate are reported with their file, the rest of the
site is written; the search index finds "Đảng ủy" for "dang uy".

Usage: site_e2e.py --vanban PATH --source DIR
Only the standard library and node (the site's own search.js, run on the written index) are used.
"""
import argparse
import html.parser
import json
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse
import xml.etree.ElementTree as ET
from pathlib import Path

FAILURES = []


def check(condition, message):
    if not condition:
        FAILURES.append(message)
        print("FAIL: " + message, flush=True)
    return condition


class Page(html.parser.HTMLParser):
    """The parts of a page the contract names."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links, self.tags, self.meta, self.classes, self.ids = [], [], {}, {}, set()
        self.lang = None
        self.canonical = None
        self.in_dl = False
        self.dts = []
        self._dt = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        if tag == "html":
            self.lang = a.get("lang")
        for cls in (a.get("class") or "").split():
            self.classes.setdefault(cls, []).append((tag, a))
        if tag == "link" and a.get("rel") == "canonical":
            self.canonical = a.get("href")
        if tag == "meta" and a.get("property"):
            self.meta[a["property"]] = a.get("content")
        if "id" in a:
            self.ids.add(a["id"])
        for key in ("href", "src"):
            # The canonical link is absolute by design; every other link stays in the site.
            if key in a and tag in ("a", "link", "script", "img") and a.get("rel") != "canonical":
                self.links.append(a[key])
        if tag == "form":
            self.links.append(a.get("action", ""))
        if tag == "dt":
            self._dt = ""

    def handle_data(self, data):
        if self._dt is not None:
            self._dt += data

    def handle_endtag(self, tag):
        if tag == "dt":
            self.dts.append(self._dt.strip())
            self._dt = None


def parse(path):
    p = Page()
    p.feed(path.read_text(encoding="utf-8"))
    return p


def vanban(args, **kw):
    return subprocess.run([VANBAN, *args], capture_output=True, text=True, timeout=600, **kw)


def site_files(site):
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def check_site(site, base_url):
    pages = sorted(site.rglob("*.html"))
    check(len(pages) > 10, f"only {len(pages)} pages")
    articles = sorted((site / "van-ban").glob("*.html"))
    check(len(articles) > 10, f"only {len(articles)} article pages")
    for page in pages:
        rel = page.relative_to(site)
        p = parse(page)
        check(p.lang == "vi", f"{rel}: lang is {p.lang}")
        check(p.canonical == base_url + str(rel), f"{rel}: canonical {p.canonical}")
        check("og:title" in p.meta and "og:description" in p.meta, f"{rel}: no Open Graph title/description")
        check(p.tags.count("h1") == 1, f"{rel}: {p.tags.count('h1')} <h1>")
        check("site-footer" in p.classes, f"{rel}: no footer")
        for link in p.links:
            url = urllib.parse.urlsplit(link)
            if link.startswith("#"):
                check(link[1:] in p.ids, f"{rel}: anchor {link} names no element")
                continue
            if url.scheme:
                check(False, f"{rel}: link out of the site: {link}")
                continue
            target = (page.parent / urllib.parse.unquote(url.path)).resolve()
            check(target.is_file() and site.resolve() in target.parents,
                  f"{rel}: link {link} does not reach a file of the site")
    for page in articles:
        rel = page.relative_to(site)
        p = parse(page)
        pdf = [a for _, a in p.classes.get("pdf-link", [])]
        signed = "signed-pdf" in p.classes
        check(p.dts == ["Số, ký hiệu", "Ngày ban hành", "Cơ quan ban hành", "Loại văn bản", "Trích yếu"] +
              (["Chữ ký số"] if signed else []), f"{rel}: metadata {p.dts}")
        check(len(pdf) == 1 and pdf[0]["href"].endswith(".pdf"), f"{rel}: PDF link {pdf}")
        if pdf:
            check((page.parent / pdf[0]["href"]).read_bytes()[:5] == b"%PDF-", f"{rel}: the PDF is not a PDF")
        check("article" in p.tags and "related" in p.classes, f"{rel}: no <article> or Tin khác")
        check("doc-meta" in p.classes, f"{rel}: no dl.doc-meta")
    guides = [a for a in articles if "tai-lieu-sinh-hoat" in a.name]
    check(guides and all("booklet-link" in parse(g).classes for g in guides), "guides without the A5 booklet link")

    # Listings paginate; the home page is small.
    check((site / "thang" / "2026-10-p2.html").is_file(), "no second page of October")
    nav = parse(site / "thang" / "2026-10.html").classes.get("pagination")
    check(bool(nav) and nav[0][0] == "nav", "no nav.pagination on a long listing")
    check((site / "index.html").stat().st_size < 100_000, "home page over 100 KB")

    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.parse(site / "feed.xml").getroot()
    check(feed.tag == atom + "feed", "feed.xml is not Atom")
    entries = feed.findall(atom + "entry")
    check(0 < len(entries) <= 30, f"feed has {len(entries)} entries")
    for e in entries:
        href = e.find(atom + "link").get("href")
        check(href.startswith(base_url) and (site / href[len(base_url):]).is_file(), f"feed link {href}")
    sm = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    locs = [u.find(sm + "loc").text for u in ET.parse(site / "sitemap.xml").getroot().findall(sm + "url")]
    check(set(locs) == {base_url + str(p.relative_to(site)) for p in pages}, "sitemap does not list every page")


def make_key(work):
    """A test CA and a signer's PKCS#12 (password "t"); returns its path."""
    pki = work / "pki"
    pki.mkdir()
    run = lambda *a: subprocess.run(["openssl", *map(str, a)], check=True, capture_output=True)  # noqa: E731
    run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", pki / "ca.key", "-out", pki / "ca.pem",
        "-days", "30", "-subj", "/CN=Site test CA", "-addext", "basicConstraints=critical,CA:TRUE")
    run("req", "-newkey", "rsa:2048", "-nodes", "-keyout", pki / "p.key", "-out", pki / "p.csr", "-subj", "/CN=Signer")
    (pki / "leaf.ext").write_text("keyUsage=critical,digitalSignature,nonRepudiation\n")
    run("x509", "-req", "-in", pki / "p.csr", "-CA", pki / "ca.pem", "-CAkey", pki / "ca.key", "-CAcreateserial",
        "-out", pki / "p.pem", "-days", "30", "-extfile", pki / "leaf.ext")
    run("pkcs12", "-export", "-inkey", pki / "p.key", "-in", pki / "p.pem", "-out", pki / "p.p12", "-passout", "pass:t")
    return pki / "p.p12"


def check_signed_labels(work, content, out, site, source):
    """A PDF signed in place (as `vanban build --key` leaves NAME.pdf) is labelled as signed; one
    signed beside it by `vanban sign` (NAME-signed.pdf) is linked as the signed copy."""
    key = make_key(work)
    env = {"VANBAN_TEST_PASSWORD": "t", "PATH": "/usr/bin:/bin"}
    in_place, beside = out / "documents" / "cong-van-dang.pdf", out / "documents" / "chi-thi-dang.pdf"
    for pdf, target in ((in_place, in_place), (beside, beside.with_name("chi-thi-dang-signed.pdf"))):
        r = vanban(["sign", str(pdf), "--key", str(key), "--password-env", "VANBAN_TEST_PASSWORD",
                    "-o", str(target)], env=env, cwd=source)
        check(r.returncode == 0, f"vanban sign {pdf.name} exited {r.returncode}: {r.stderr[-1000:]}")
    r = vanban(["site", "--content", str(content), "--from", str(out), "-o", str(site)], cwd=source)
    check(r.returncode == 0, f"site after signing exited {r.returncode}: {r.stderr[-1000:]}")
    slugs = {l.split(" ")[1]: l.split(" ")[2] for l in (site / "vanban-site.txt").read_text().splitlines()
             if l.startswith("slug ")}
    labelled = []
    for page in sorted((site / "van-ban").glob("*.html")):
        p = parse(page)
        if "signed-pdf" in p.classes:
            labelled.append(page.stem)
            check(p.dts[-1] == "Chữ ký số", f"{page.name}: signed, but no 'Chữ ký số' in its metadata")
    check(labelled == [slugs["documents/cong-van-dang"]], f"labelled as signed: {labelled}")
    chi_thi = parse(site / "van-ban" / (slugs["documents/chi-thi-dang"] + ".html"))
    link = [a["href"] for _, a in chi_thi.classes.get("signed-link", [])]
    check(link and (site / "van-ban" / link[0]).read_bytes() == beside.with_name("chi-thi-dang-signed.pdf").read_bytes(),
          f"chi-thi-dang: signed copy link {link}")
    check((site / "van-ban" / (slugs["documents/cong-van-dang"] + ".pdf")).read_bytes() == in_place.read_bytes(),
          "the site's PDF is not the signed one")


def printed_number(pdf):
    """The number and symbol page 1 of a PDF prints ("158-BC/BTGDVTU", "01/UBND-VX"), or ""."""
    text = subprocess.run(["pdftotext", "-l", "1", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    m = re.search(r"^Số:?\s+(\d\S*)", text, re.M)
    return m.group(1) if m else ""


def article_number(page):
    """The "Số, ký hiệu" of an article page, "" for "Không số"."""
    m = re.search(r"<dt>Số, ký hiệu</dt><dd>(.*?)</dd>", page.read_text(encoding="utf-8"))
    return "" if not m or m.group(1) == "Không số" else m.group(1)


def check_build_records(work, source):
    """The site is made from what the build wrote: a month numbered through a register shows on
    each article the number its PDF prints; a document the build refuses gets no page, and the
    run says so; a document issued and signed into OUT/issued/ through the register keeps its
    signed PDF on the site however often the documents are built again."""
    base = work / "records"
    content, out = base / "content", base / "out"
    # Thành phố Hồ Chí Minh's month, in its board's own content folder: the merged city's long names.
    shutil.copytree(source / "examples" / "tp-ho-chi-minh" / "2026-11", content / "2026-11")
    shutil.copy(source / "examples" / "tp-ho-chi-minh" / "site.xml", content / "site.xml")
    month = content / "2026-11" / "month.xml"
    settings = re.sub(r' first-(report-)?number="\d+"', "", month.read_text(encoding="utf-8"))
    settings = settings.replace("  <board key", '  <register file="../../so-di.sqlite"/>\n  <board key', 1)
    month.write_text(settings, encoding="utf-8")
    documents = content / "documents"
    documents.mkdir()
    dispatch = (source / "content" / "documents" / "cong-van-nha-nuoc.xml").read_text(encoding="utf-8")
    # The first number of a new register's series, as serve's Publish leaves the issued markup.
    (documents / "cong-van-ky-so.xml").write_text(dispatch.replace("<number>1234</number>", "<number>1</number>"),
                                                  encoding="utf-8")
    cells = "".join(f"<td>Khongthexuongdongduocmotchutnao{i}</td>" for i in range(12))
    (documents / "bang-rong.xml").write_text(
        re.sub(r"<body>.*</body>", f"<body><table><tr>{cells}</tr></table></body>", dispatch, flags=re.S),
        encoding="utf-8")

    office = base / "van-phong.sqlite"
    env = {"VANBAN_TEST_PASSWORD": "t", "VANBAN_REGISTER": str(office), "PATH": "/usr/bin:/bin"}
    r = vanban(["issue", str(documents / "cong-van-ky-so.xml"), "-o", str(out / "issued"),
                "--key", str(make_key(base)), "--password-env", "VANBAN_TEST_PASSWORD"], env=env, cwd=source)
    check(r.returncode == 0 and "01/UBND-VX" in r.stdout, f"issue exited {r.returncode}: {r.stdout} {r.stderr[-1000:]}")
    issued = (out / "issued" / "cong-van-ky-so.pdf").read_bytes()
    site = out / "site"
    # Party bodies number per term: until one is recorded, the build refuses their documents.
    r = vanban(["build", "--content", str(content), "-o", str(out), "--quiet"], env=env, cwd=source)
    codes = sorted(set(re.findall(r"no term of issuer '(\S+) \(", r.stderr)))
    refused = re.findall(r"(\d+) documents? refused by the build, so not on the site: (.*) \(the reasons", r.stderr)
    names = [n for _, listed in refused for n in listed.split(", ")]
    check(codes and len(names) == sum(int(n) for n, _ in refused) and "documents/bang-rong" in names and
          any(n.startswith("2026-11/") for n in names), f"refused for want of a term: {names} {r.stderr[-2000:]}")
    slugs = {l.split(" ")[1] for l in (site / "vanban-site.txt").read_text().splitlines() if l.startswith("slug ")}
    check(not slugs & set(names), f"refused documents have pages: {slugs & set(names)}")
    for code in codes:
        r = vanban(["register", "term", "--register", str(base / "so-di.sqlite"), "--issuer", code,
                    "--from", "2025-10-15"], cwd=source)
        check(r.returncode == 0, f"register term {code}: {r.stderr}")
    for run in ("first build", "second build"):
        if run == "second build":  # rendered again from the markup, unsigned
            (out / "documents" / "cong-van-ky-so.pdf").unlink()
        r = vanban(["build", "--content", str(content), "-o", str(out), "--quiet"], env=env, cwd=source)
        check(r.returncode == 1, f"{run} exited {r.returncode}: {r.stderr[-2000:]}")
        check("1 document refused by the build, so not on the site: documents/bang-rong" in r.stderr,
              f"{run}: the refusal is not reported: {r.stderr[-2000:]}")
        slugs = {l.split(" ")[1]: l.split(" ")[2] for l in (site / "vanban-site.txt").read_text().splitlines()
                 if l.startswith("slug ")}
        check("documents/bang-rong" not in slugs, f"{run}: the refused document has a page")
        signed = slugs.get("documents/cong-van-ky-so")
        check(signed and (site / "van-ban" / (signed + ".pdf")).read_bytes() == issued,
              f"{run}: the site does not serve the signed PDF of out/issued")
        check(signed and "signed-pdf" in parse(site / "van-ban" / (signed + ".html")).classes,
              f"{run}: the issued PDF is not labelled as signed")
        check((out / "documents" / "cong-van-ky-so.pdf").read_bytes() != issued, f"{run}: the build's copy is signed")

    numbered = 0
    for key, slug in slugs.items():
        if not key.startswith("2026-11/"):
            continue
        page = site / "van-ban" / (slug + ".html")
        number = printed_number(site / "van-ban" / (slug + ".pdf"))
        numbered += number != ""
        check(article_number(page) == number, f"{key}: the article says '{article_number(page)}', its PDF '{number}'")
    check(numbered >= 10, f"only {numbered} documents of the month numbered through the register")


def check_second_board(work, source, first_site):
    """Another board's content folder is a site of its own, under that board's name: Thành phố Hồ
    Chí Minh's month is on its board's site, every document of it, and never on Trường Giang's."""
    folder = source / "examples" / "tp-ho-chi-minh"
    settings = ET.parse(folder / "site.xml").getroot()
    out = work / "out-tp-ho-chi-minh"
    r = vanban(["build", "--content", str(folder), "-o", str(out), "--quiet"], cwd=source)
    check(r.returncode == 0, f"the second board's build exited {r.returncode}: {r.stderr[-2000:]}")
    site = out / "site"
    built = [p for p in (out / "2026-11").glob("*.pdf") if not p.name.endswith("-a5.pdf")]
    articles = list((site / "van-ban").glob("*.html"))
    check(len(built) > 20 and len(articles) == len(built), f"{len(articles)} articles for {len(built)} documents")
    board = settings.findtext("board")
    for page in [site / "index.html", *articles]:
        text = page.read_text(encoding="utf-8")
        check(f"<title>" in text and board in text and "Trường Giang" not in text,
              f"{page.name} is not under {board}'s name alone")
    check(f'href="{settings.get("base-url")}index.html"' in (site / "index.html").read_text(encoding="utf-8"),
          "the second board's pages do not name its own address")
    issuers = [p.stem for p in (site / "co-quan").glob("*.html")]
    check(any("thanh-pho-ho-chi-minh" in i for i in issuers), f"the city's bodies are not listed: {issuers}")
    check(not [p for p in (first_site / "co-quan").glob("*.html") if "thanh-pho-ho-chi-minh" in p.stem],
          "Trường Giang's site lists a body of Thành phố Hồ Chí Minh")
    check(search(site, "thanh pho ho chi minh")["total"] > 0, "search does not find the city without marks")


def search(site, query):
    """The subjects search.js ranks for `query`, run under node on the written index."""
    script = """
const fs = require('fs'), path = require('path'), vm = require('vm');
const site = process.argv[1];
const loaded = new Set();
const context = { console, TextEncoder, URLSearchParams, setTimeout, clearTimeout,
  location: { search: '' }, history: {},
  document: { currentScript: { src: 'file://' + site + '/assets/search.js' }, getElementById: () => null,
    head: { appendChild(s) { vm.runInContext(fs.readFileSync(s.src.replace('file://', ''), 'utf8'), context); setTimeout(s.onload); } },
    createElement: () => ({}) } };
vm.createContext(context);
vm.runInContext(fs.readFileSync(site + '/assets/search.js', 'utf8') + ';globalThis.vanbanSearch = vanbanSearch;', context);
context.vanbanSearch.query(process.argv[2], 100).then(r => console.log(JSON.stringify(r)));
"""
    out = subprocess.run(["node", "-e", script, str(site), query], capture_output=True, text=True, timeout=60)
    check(out.returncode == 0, f"node search failed: {out.stderr}")
    return json.loads(out.stdout) if out.returncode == 0 else {"rows": [], "total": 0}


def main():
    global VANBAN
    parser = argparse.ArgumentParser()
    parser.add_argument("--vanban", required=True)
    parser.add_argument("--source", required=True)
    args = parser.parse_args()
    VANBAN = str(Path(args.vanban).resolve())
    source = Path(args.source)
    base_url = ET.parse(source / "content" / "site.xml").getroot().get("base-url")

    with tempfile.TemporaryDirectory(prefix="vanban-site-e2e-") as tmp:
        work = Path(tmp)
        content = work / "content"
        shutil.copytree(source / "content", content)
        out = work / "out"
        r = vanban(["build", "--content", str(content), "-o", str(out), "--quiet"], cwd=source)
        check(r.returncode == 0, f"build exited {r.returncode}: {r.stderr[-2000:]}")
        site = out / "site"
        check_site(site, base_url)

        # One site for every folder the build wrote: the board's two sample months and the
        # sample documents, an article for each PDF.
        built = [p for folder in out.iterdir() if folder.is_dir() and folder.name != "site"
                 for p in folder.glob("*.pdf") if not p.name.endswith("-a5.pdf")]
        articles = list((site / "van-ban").glob("*.html"))
        check(len(articles) == len(built), f"{len(articles)} articles for {len(built)} documents built")
        for month in ("2026-10", "2026-11"):
            check((site / "thang" / f"{month}.html").is_file(), f"no listing of {month}")

        # Search: with and without marks, "dang" for "Đảng".
        with_marks = search(site, "Đảng ủy")
        check(with_marks["total"] > 0, "no result for 'Đảng ủy'")
        for q in ("dang uy", "DANG UY", "Dang Uy"):
            check(search(site, q)["rows"] == with_marks["rows"], f"'{q}' differs from 'Đảng ủy'")
        check(search(site, "khongcotu")["total"] == 0, "a word no document has found something")

        check_second_board(work, source, site)

        # "Tin khác": no two lines of one page read alike, though the month's reminders share one
        # subject (each names its addressee); and a reminder's list holds other reminders.
        reminders = 0
        for page in (site / "van-ban").glob("*.html"):
            html = page.read_text(encoding="utf-8")
            nav = re.search(r'<nav class="related".*?</nav>', html, flags=re.S)
            lines = [re.sub(r"<[^>]+>", "", li) for li in re.findall(r"<li>(.*?)</li>", nav.group(0) if nav else "")]
            check(len(lines) == len(set(lines)), f"{page.name}: Tin khác repeats a line: {lines}")
            links = [re.sub(r"<[^>]+>", "", a) for a in re.findall(r"<li><a [^>]*>(.*?)</a>", nav.group(0) if nav else "")]
            check(len(links) == len(set(links)), f"{page.name}: two Tin khác links read alike: {links}")
            if "(gửi " in "".join(links):
                reminders += 1
        check(reminders > 5, f"only {reminders} pages name an addressee in Tin khác")
        # The home page and every listing: no two titles read alike either (the reminders name
        # whom each is for).
        named = 0
        for page in [site / "index.html", *(site / "thang").glob("*.html"), *(site / "loai").glob("*.html"),
                     *(site / "co-quan").glob("*.html")]:
            html = page.read_text(encoding="utf-8")
            titles = [re.sub(r"<[^>]+>", "", t) for t in re.findall(r'<p class="item-title">(.*?)</p>', html)]
            check(len(titles) == len(set(titles)), f"{page.relative_to(site)}: two titles read alike")
            named += sum("(gửi " in t for t in titles)
        check(named > 5, f"only {named} listed titles name an addressee")

        # A rebuild changes nothing and keeps every address.
        before = site_files(site)
        r = vanban(["site", "--content", str(content), "--from", str(out), "-o", str(site)], cwd=source)
        check(r.returncode == 0 and "0 files written" in r.stderr, f"rerun wrote files: {r.stderr}")
        check(site_files(site) == before, "a rerun changed the site")

        check_signed_labels(work, content, out, site, source)
        check_build_records(work, source)

        # A foreign file stays; a removed document's page goes; a new document keeps others' slugs.
        (site / "van-ban" / "ghi-chu.txt").write_text("mine", encoding="utf-8")
        gone = content / "documents" / "chi-thi-nha-nuoc.xml"
        gone_markup = gone.read_text(encoding="utf-8")
        gone_subject = re.search(r"<subject>(.*?)</subject>", gone_markup).group(1)
        gone.unlink()
        # Two documents the site cannot show, and one that takes an existing subject.
        (content / "documents" / "khong-trich-yeu.xml").write_text(
            re.sub(r"\s*<subject>.*?</subject>", "", gone_markup), encoding="utf-8")
        # Copies are told apart by the addressee, the issuer, then the date; the fourth has nothing left.
        dup = (content / "documents" / "cong-van-dang.xml").read_text(encoding="utf-8")
        for copy in ("cong-van-dang-ban-sao", "cong-van-dang-ban-sao-2", "cong-van-dang-ban-sao-3",
                     "cong-van-dang-ban-sao-4"):
            (content / "documents" / (copy + ".xml")).write_text(dup, encoding="utf-8")
        slugs_before = {l.split(" ")[1]: l.split(" ")[2] for l in (site / "vanban-site.txt").read_text().splitlines()
                        if l.startswith("slug ")}
        r = vanban(["build", "--content", str(content), "-o", str(out), "--quiet"], cwd=source)
        check(r.returncode == 1, f"build with bad site documents exited {r.returncode}")
        check(re.search(r"khong-trich-yeu\.xml:\d+:\d+: expected element <subject>", r.stderr),
              f"no message for the missing subject: {r.stderr[-2000:]}")
        check(re.search(r"cong-van-dang-ban-sao-4\.xml:0:0: duplicate address: .*/cong-van-dang\.xml", r.stderr),
              f"no message for the duplicate: {r.stderr[-2000:]}")
        check("documents/cong-van-dang-ban-sao-4 " not in (site / "vanban-site.txt").read_text(), "the duplicate has a page")
        check((site / "van-ban" / "ghi-chu.txt").read_text(encoding="utf-8") == "mine", "a foreign file was touched")
        slugs_after = {l.split(" ")[1]: l.split(" ")[2] for l in (site / "vanban-site.txt").read_text().splitlines()
                       if l.startswith("slug ")}
        check(all(slugs_after.get(k) == v for k, v in slugs_before.items() if k != "documents/chi-thi-nha-nuoc"),
              "a document changed its address")
        old_page = slugs_before.get("documents/chi-thi-nha-nuoc")
        check(old_page and not (site / "van-ban" / (old_page + ".html")).exists(), "the removed document's page is still there")
        check(not any(gone_subject in p.read_text(encoding="utf-8") for p in (site / "thang").glob("*.html")),
              "the removed document is still listed")
        check_site(site, base_url)

    if FAILURES:
        print(f"{len(FAILURES)} failure(s)")
        return 1
    print("site e2e: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
