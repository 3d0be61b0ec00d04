#!/usr/bin/env python3
"""Prints every webhook Switchboard sends and answers 200 with an empty body, for trying the API.

Usage: python3 examples/webhook-receiver.py [port]    (default 9000, on 127.0.0.1)

An empty 200 is a delivered notification, and for a COLLECT's eventUrl it means "carry on with the plan"; a
receiver that answered an error would have its notifications retried (SWITCHBOARD_WEBHOOK_RETRY_FOR).
"""
import json
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.read_body()
        try:
            text = json.dumps(json.loads(body), indent=2)
        except ValueError:
            text = body.decode("utf-8", "replace")
        self.answer(text)

    def do_GET(self):
        # Hooks configured with method GET carry their values in the query.
        self.answer("")

    def read_body(self):
        if self.headers.get("Transfer-Encoding", "").lower() != "chunked":
            return self.rfile.read(int(self.headers.get("Content-Length") or 0))
        body = b""
        while True:
            size = int(self.rfile.readline().split(b";")[0], 16)
            if size == 0:
                self.rfile.readline()
                return body
            body += self.rfile.read(size)
            self.rfile.readline()

    def answer(self, text):
        print(f"{self.command} {self.path}", flush=True)
        if text:
            print(text, flush=True)
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format, *args):
        pass  # the request line is printed above, with its body


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 9000
    print(f"webhook receiver listening on http://127.0.0.1:{port}/", flush=True)
    HTTPServer(("127.0.0.1", port), Receiver).serve_forever()
