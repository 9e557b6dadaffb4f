#!/usr/bin/env python3
"""Build a WARC.gz for `dragoman bench warc` from text pages, repeated until it reaches a size.

Each text file (title line, blank line, body) becomes an HTML page inside a WARC/1.0 response record
(HTTP/1.1 200, text/html; charset=utf-8), each record its own gzip member as CC-NEWS files are written,
preceded by a request record. The output holds the publishers' texts: keep it outside the repository.

usage: tools/make-bench-warc.py OUT.warc.gz SIZE_MB DIR...   (SIZE_MB counts the compressed file)
example: tools/make-bench-warc.py bench.warc.gz 1024 ../shared/data/articles-gold/articles samples
"""
import gzip, html, io, os, sys, uuid

def pages(dirs):
    for d in dirs:
        for root, _, files in os.walk(d):
            for f in sorted(files):
                if f.endswith(('.txt', '.html')) and not f.startswith(('.', 'README')):
                    yield os.path.join(root, f)

def record(kind, uri, content_type, block, n):
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2026-12-01T10:00:00Z\r\n"
            f"WARC-Record-ID: <urn:uuid:{uuid.UUID(int=n)}>\r\nContent-Type: {content_type}\r\nContent-Length: {len(block)}\r\n\r\n")
    return gzip.compress(head.encode() + block + b"\r\n\r\n", compresslevel=6)

def main():
    out, size_mb, dirs = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
    bodies = []
    for p in pages(dirs):
        text = open(p, encoding='utf-8', errors='replace').read()
        if p.endswith('.html'):
            page = text
        else:
            title, _, body = text.partition('\n')
            paras = ''.join(f"<p>{html.escape(x.strip())}</p>" for x in body.split('\n') if x.strip())
            page = f"<!doctype html><html><head><meta charset=\"utf-8\"><title>{html.escape(title)}</title></head><body><header><nav>Home | World | Sport</nav></header><article><h1>{html.escape(title)}</h1>{paras}</article><footer>Copyright</footer></body></html>"
        bodies.append(page.encode('utf-8'))
    if not bodies:
        sys.exit("no pages found")
    limit, n, written = size_mb * 1e6, 0, 0
    with open(out, 'wb') as w:
        while written < limit:
            body = bodies[n % len(bodies)]
            uri = f"https://bench.example/{n}"
            http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body
            for chunk in (record("request", uri, "application/http; msgtype=request", f"GET /{n} HTTP/1.1\r\nHost: bench.example\r\n\r\n".encode(), 2 * n),
                          record("response", uri, "application/http; msgtype=response", http, 2 * n + 1)):
                w.write(chunk)
                written += len(chunk)
            n += 1
    print(f"{out}: {written / 1e6:.1f} MB, {n} response records from {len(bodies)} pages")

if __name__ == '__main__':
    main()
