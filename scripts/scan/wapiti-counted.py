"""Runs Debian 12's wapiti 3.0.4 (python3 wapiti-counted.py STATS.json <wapiti arguments>) with two changes:

1. -x exclusions work on Python 3.11: wapiti's wildcard translation appends the global flags "(?ms)" after
   the pattern, which Python 3.11 rejects; here the flags come first.
2. Per attack module, it records the HTTP requests sent, the pages attacked, the seconds spent and whether
   the module went through every page (completed) or was stopped by --max-attack-time; the crawl's request
   count too. Written as JSON to STATS.json when wapiti exits.
"""
import atexit, json, re, sys, time

import requests
import wapitiCore.net.crawler as crawler


def wildcard_translate(pattern):
    return re.compile("(?ms)" + "".join(".*" if c == "*" else re.escape(c) for c in pattern) + r"\Z")


crawler.wildcard_translate = wildcard_translate

from wapitiCore.main import wapiti as w  # noqa: E402 (after the patch)

stats_file = sys.argv.pop(1)
sent = {"n": 0}
stats = {"crawl_requests": None, "modules": []}

original_send = requests.Session.send


def counting_send(self, *args, **kwargs):
    sent["n"] += 1
    return original_send(self, *args, **kwargs)


requests.Session.send = counting_send


def counted(module):
    original_attack = module.attack

    def attack():
        if stats["crawl_requests"] is None:
            stats["crawl_requests"] = sent["n"]
        record = {"module": module.name, "requests": 0, "pages": 0, "seconds": 0, "completed": False}
        stats["modules"].append(record)
        first, started = sent["n"], time.time()

        def update():
            record["requests"] = sent["n"] - first
            record["seconds"] = round(time.time() - started)

        for item in original_attack():
            record["pages"] += 1
            update()
            yield item
        update()
        record["completed"] = True

    module.attack = attack


original_init = w.Wapiti._init_attacks


def init_attacks(self):
    original_init(self)
    for module in self.attacks:
        counted(module)


w.Wapiti._init_attacks = init_attacks


@atexit.register
def write_stats():
    if stats["crawl_requests"] is None:
        stats["crawl_requests"] = sent["n"]
    stats["total_requests"] = sent["n"]
    with open(stats_file, "w") as out:
        json.dump(stats, out, indent=1)


sys.argv[0] = "wapiti"
sys.exit(w.wapiti_main())
