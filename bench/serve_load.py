#!/usr/bin/env python3
"""Load test of vanban serve's live preview (not part of CTest): starts `vanban serve` on
127.0.0.1 with a free port and a copy of content/, then two clients "type" a dispatch, each
sending one preview request per keystroke (the body grows by a word, the subject changes now and
then) as fast as the answers come, for a bounded number of requests. Prints previews per second
and the latency percentiles of each client and of both together.

    bench/serve_load.py [--vanban build/vanban] [--requests 400] [--clients 2]
"""
import argparse
import http.client
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

SOURCE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORDS = ("Ban Thường vụ Tỉnh ủy yêu cầu các chi bộ giữ vững nền nếp sinh hoạt định kỳ, "
         "kiểm tra biên bản, báo cáo kết quả về Văn phòng Tỉnh ủy trước ngày mười hằng tháng").split()


def draft(words):
    text = " ".join(WORDS[i % len(WORDS)] for i in range(words))
    return {"layout": "dang", "type": "cong-van",
            "issuer": {"name": "Tỉnh ủy Trường Giang", "code": "TU"},
            "place": "Trường Giang", "date": "2026-05-20",
            "subject": "về sinh hoạt chi bộ " + str(words // 20),
            "to": ["Các đảng ủy trực thuộc Tỉnh ủy"],
            "body": [{"kind": "p", "text": text[: len(text) // 2]},
                     {"kind": "ol", "items": ["Kiểm tra biên bản.", text[len(text) // 2:] or "Báo cáo."]}],
            "signature": {"authority": ["T/M Ban Thường vụ"], "role": "Phó Bí thư", "signer": "Lê Hoàng Phúc"},
            "recipients": [{"purpose": "", "names": ["Như trên"]}], "archive": "Văn phòng Tỉnh ủy"}


def session(port):
    conn = http.client.HTTPConnection("127.0.0.1", port)
    conn.request("GET", "/")
    res = conn.getresponse()
    page = res.read().decode()
    cookie = res.getheader("Set-Cookie").split(";")[0]
    token = re.search(r'name="csrf-token" content="([0-9a-f]+)"', page).group(1)
    return conn, {"Cookie": cookie, "X-CSRF-Token": token, "Content-Type": "application/json"}


def client(port, requests, latencies, failures):
    conn, headers = session(port)
    for i in range(requests):
        body = json.dumps({"draft": draft(20 + i)}).encode()
        start = time.perf_counter()
        conn.request("POST", "/api/preview", body, headers)
        res = conn.getresponse()
        answer = json.loads(res.read())
        latencies.append(time.perf_counter() - start)
        if res.status != 200 or not answer["ok"]:
            failures.append((res.status, answer.get("problems") or answer.get("error")))


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--vanban", default=os.path.join(SOURCE, "build", "vanban"))
    parser.add_argument("--requests", type=int, default=400, help="previews per client")
    parser.add_argument("--clients", type=int, default=2)
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="vanban-serve-load-")
    server = None
    try:
        shutil.copytree(os.path.join(SOURCE, "content"), os.path.join(work, "content"))
        server = subprocess.Popen([args.vanban, "serve", "--listen", "127.0.0.1:0", "--content",
                                   os.path.join(work, "content"), "-o", os.path.join(work, "out")],
                                  stderr=subprocess.PIPE, text=True)
        port = int(re.search(r"127\.0\.0\.1:(\d+)/", server.stderr.readline()).group(1))
        per_client = [[] for _ in range(args.clients)]
        failures = []
        threads = [threading.Thread(target=client, args=(port, args.requests, per_client[i], failures))
                   for i in range(args.clients)]
        start = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - start
        every = [x for c in per_client for x in c]
        print(f"{len(every)} previews by {args.clients} clients in {elapsed:.2f} s: "
              f"{len(every) / elapsed:.1f} previews/s")
        for name, values in [(f"client {i + 1}", c) for i, c in enumerate(per_client)] + [("all", every)]:
            ms = [v * 1000 for v in values]
            print(f"  {name:9} p50 {percentile(ms, 50):6.1f} ms  p90 {percentile(ms, 90):6.1f} ms  "
                  f"p99 {percentile(ms, 99):6.1f} ms  max {max(ms):6.1f} ms  mean {statistics.mean(ms):6.1f} ms")
        if failures:
            print(f"{len(failures)} previews failed, first: {failures[0]}", file=sys.stderr)
            return 1
        return 0
    finally:
        if server:
            server.terminate()
            server.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
