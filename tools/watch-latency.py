#!/usr/bin/env python3
"""Latency of `serve --watch`: seconds from an item's publication in a local feed to its article being visible in the API.

A feed server on 127.0.0.1 (this script) publishes N items one by one, a random 0.5-2.5 s after the previous one became
visible (so publications fall anywhere in the poll cycle); `dragoman serve --watch FEED` follows it; the script polls
GET /api/articles/aK every 50 ms until the K-th item's article answers 200. Prints each latency, the median and the worst.

    python3 tools/watch-latency.py [--items 20] [--interval 1s] [--host-delay 0] [--dragoman ./dragoman]
"""
import argparse, email.utils, http.server, json, os, random, signal, socket, statistics, subprocess, sys, tempfile, threading, time, urllib.request

items = []  # (n, published unix time)
lock = threading.Lock()

def page(n):
    return (f"<!doctype html><html><head><title>Convoy {n} reaches Idlib</title></head><body><article><h1>Convoy {n} reaches Idlib</h1>"
            f"<p>Aid convoy number {n} reached Idlib on Sunday after a two-day delay, the agency said. Drivers of convoy {n} said the road "
            f"from Aleppo was open again and that rebels had not stopped the trucks.</p></article></body></html>")

class Site(http.server.BaseHTTPRequestHandler):
    def log_message(self, *a): pass
    def send(self, body, ctype, etag=None):
        b = body.encode()
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(b)))
        if etag: self.send_header("ETag", etag)
        self.end_headers()
        self.wfile.write(b)
    def do_GET(self):
        if self.path == "/robots.txt": return self.send("User-agent: *\nAllow: /\n", "text/plain")
        if self.path.startswith("/story?n="): return self.send(page(int(self.path.split("=")[1])), "text/html; charset=utf-8")
        if self.path == "/feed.xml":
            with lock: snapshot = list(items)
            etag = f'"v{len(snapshot)}"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304); self.send_header("ETag", etag); self.end_headers(); return
            host = self.headers.get("Host")
            body = "".join(f"<item><title>Convoy {n} reaches Idlib</title><link>http://{host}/story?n={n}</link><guid>bench-{n}</guid>"
                           f"<pubDate>{email.utils.formatdate(t, usegmt=True)}</pubDate></item>" for n, t in reversed(snapshot))
            return self.send(f'<?xml version="1.0"?><rss version="2.0"><channel><title>Bench Desk</title>{body}</channel></rss>', "application/rss+xml", etag)
        self.send_response(404); self.end_headers()

def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close(); return p

def status(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as r: return r.status
    except urllib.error.HTTPError as e: return e.code
    except OSError: return None

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--items", type=int, default=20)
    ap.add_argument("--interval", default="1s")
    ap.add_argument("--host-delay", default="0")
    ap.add_argument("--dragoman", default="./dragoman")
    a = ap.parse_args()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Site)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    feed = f"http://127.0.0.1:{server.server_address[1]}/feed.xml"
    db = os.path.join(tempfile.mkdtemp(prefix="watch-latency-"), "w.db")
    port = free_port()
    cmd = [a.dragoman, "serve", "--db", db, "--port", str(port), "--watch", feed, "--watch-interval", a.interval, "--watch-host-delay", a.host_delay]
    print("running:", " ".join(cmd), flush=True)
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    log = []
    threading.Thread(target=lambda: [log.append(l) for l in proc.stdout], daemon=True).start()
    api = f"http://127.0.0.1:{port}/api"
    deadline = time.time() + 600
    while status(api + "/stats") != 200:
        if proc.poll() is not None or time.time() > deadline: sys.exit("serve did not start:\n" + "".join(log))
        time.sleep(0.2)
    time.sleep(2)  # the first (empty) poll done
    latencies = []
    try:
        for k in range(1, a.items + 1):
            time.sleep(random.uniform(0.5, 2.5))
            t = time.time()
            with lock: items.append((k, t))
            while status(f"{api}/articles/a{k}") != 200:
                if time.time() - t > 120: sys.exit(f"item {k} not visible after 120 s:\n" + "".join(log[-20:]))
                time.sleep(0.05)
            latencies.append(time.time() - t)
            print(f"item {k}: {latencies[-1]:.2f} s", flush=True)
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(60)
    print("".join(l for l in log if l.startswith("watch: stopped") or "failed" in l), end="")
    print(f"median {statistics.median(latencies):.2f} s, worst {max(latencies):.2f} s over {len(latencies)} items; load average {os.getloadavg()}")

if __name__ == "__main__":
    main()
