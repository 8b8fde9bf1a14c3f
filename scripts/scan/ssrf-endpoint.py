"""A local stand-in for wapiti's SSRF endpoint (python3 ssrf-endpoint.py PORT), so the ssrf module can run on a
machine without outside access: the scanned node reaching http://127.0.0.1:PORT/ssrf/<scan>/<page>/<hex param>/
is recorded, and GET /get_ssrf.php?id=<scan> answers what wapiti's own endpoint answers (JSON:
{page: {hex param: [{url, date, ip, method}]}}). Every recorded hit is also printed (a finding to triage)."""
import json, sys, threading
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

hits = {}
lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    def answer(self):
        url = urlparse(self.path)
        parts = [p for p in url.path.split("/") if p]
        body = b"ok"
        if url.path.endswith("get_ssrf.php"):
            scan = parse_qs(url.query).get("id", [""])[0]
            with lock:
                body = json.dumps(hits.get(scan, {})).encode()
        elif len(parts) >= 4 and parts[0] == "ssrf":
            hit = {"url": self.path, "date": datetime.now(timezone.utc).isoformat(), "ip": self.client_address[0],
                   "method": self.command}
            with lock:
                hits.setdefault(parts[1], {}).setdefault(parts[2], {}).setdefault(parts[3], []).append(hit)
            print("SSRF HIT", json.dumps(hit), flush=True)
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    do_GET = do_POST = do_PUT = do_HEAD = do_DELETE = answer

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
