#!/usr/bin/env python3
"""Ctrl-C stops `vanban serve` promptly and cleanly: with a browser's kind of connections open (one
kept alive after its answer, one opened ahead and never used) and a month's build running, SIGINT
makes the server stop listening, end the idle connections, let the build stop as `vanban build`
stops on Ctrl-C, and exit 0, leaving no temporary file.

The bound on the time to exit is generous (4 s, against some 0.1 s measured) but below the 5 s
that cpp-httplib 0.11 would wait on each idle keep-alive connection without serve/server.cpp's
stop, so that the test fails if that wait comes back.

Usage: serve_interrupt_e2e.py --vanban PATH --source DIR
"""
import http.client
import json
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "support"))
from e2e_checks import arguments, check, finish  # noqa: E402

BOUND_SECONDS = 4.0


def start_serve(vanban, top):
    serve = subprocess.Popen([str(vanban), "serve", "--listen", "127.0.0.1:0", "--content", str(top / "content"),
                              "-o", str(top / "out")], stderr=subprocess.PIPE, text=True)
    line = serve.stderr.readline()
    m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
    if not m:
        serve.kill()
        raise SystemExit(f"vanban serve did not start: {line}{serve.stderr.read()}")
    return serve, int(m.group(1))


def main():
    vanban, source = arguments()
    with tempfile.TemporaryDirectory(prefix="vanban-serve-stop-") as tmp:
        top = Path(tmp)
        shutil.copytree(source / "content", top / "content")
        serve, port = start_serve(vanban, top)

        # The page, on a connection kept alive afterwards: its session cookie and CSRF token.
        page = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        page.request("GET", "/")
        answer = page.getresponse()
        body = answer.read().decode()
        check(answer.status == 200, f"GET / answered {answer.status}")
        cookie = answer.getheader("Set-Cookie").split(";")[0]
        csrf = re.search(r'name="csrf-token" content="([0-9a-f]+)"', body).group(1)
        # A connection opened ahead of a request that never comes, as a browser's preconnect.
        ahead = socket.create_connection(("127.0.0.1", port))
        # A month's build, running when the signal comes.
        page.request("POST", "/api/builds", json.dumps({"month": "2026-11"}),
                     {"Cookie": cookie, "X-CSRF-Token": csrf, "Content-Type": "application/json"})
        started = page.getresponse()
        started.read()
        check(started.status == 202, f"the build was not started: {started.status}")

        begin = time.monotonic()
        serve.send_signal(signal.SIGINT)
        try:
            status = serve.wait(timeout=60)
        except subprocess.TimeoutExpired:
            serve.kill()
            status = None
        seconds = time.monotonic() - begin
        stderr = serve.stderr.read()
        print(f"vanban serve exited {status} {seconds:.3f} s after SIGINT")
        check(status == 0, f"exit status {status}, expected 0: {stderr}")
        check(seconds < BOUND_SECONDS, f"{seconds:.1f} s to stop, expected well under {BOUND_SECONDS} s")

        ahead.settimeout(5)
        check(ahead.recv(1) == b"", "the connection opened ahead was not closed")
        leftovers = [str(p.relative_to(top)) for p in top.rglob("*") if ".tmp-" in p.name]
        check(not leftovers, f"temporary files left: {leftovers}")
        # The build stopped as `vanban build` does on Ctrl-C: after reading the month, or with its
        # report saved (interrupted, or done if it was that quick).
        report = top / "out/2026-11/run-report.json"
        print("the build's report:", json.loads(report.read_text())["interrupted"] and "interrupted" or "complete"
              if report.is_file() else "none (stopped while reading the month)")
        ahead.close()
        page.close()
    return finish("serve_interrupt_e2e")


if __name__ == "__main__":
    sys.exit(main())
