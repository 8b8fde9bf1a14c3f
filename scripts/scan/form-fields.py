"""Reads an HTML page on stdin and prints, for the form whose action is argv[1], two lines: the form body with a
valid value for every field (hidden values as sent, the first choice of each radio group and select, a short
text in text fields) and the comma-separated names sqlmap should test (all but _csrf and idempotencyKey)."""
import sys
from html.parser import HTMLParser
from urllib.parse import urlencode

action = sys.argv[1]


class Form(HTMLParser):
    def __init__(self):
        super().__init__()
        self.inside = False
        self.fields = {}
        self.select = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = a.get("action") == action
            return
        if not self.inside:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text")
            if kind in ("hidden", "radio", "checkbox"):
                self.fields.setdefault(name, a.get("value", "on"))
            elif kind not in ("submit", "button", "file"):
                self.fields.setdefault(name, a.get("value") or "scan text")
        elif tag == "textarea" and name:
            self.fields.setdefault(name, "scan text")
        elif tag == "select" and name:
            self.select = name
        elif tag == "option" and self.select and a.get("value"):
            self.fields.setdefault(self.select, a["value"])

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self.select = None


f = Form()
f.feed(sys.stdin.read())
print(urlencode(f.fields))
print(",".join(n for n in f.fields if n not in ("_csrf", "idempotencyKey")))
