#!/usr/bin/env python3
"""Check Baton's TextMate grammar, grammar/baton.tmLanguage.json.

The grammar is what VS Code, Shiki (VitePress, Astro, Starlight) and other TextMate hosts use to
colour .baton files (docs/editors.md). This script tokenises real Baton text with it and fails
when the colouring would be wrong:

  1. the grammar file itself: its scope name and file types, every regex compiles with
     Oniguruma (the regex engine of VS Code and Shiki), every include resolves, every scope
     ends in ".baton";
  2. the reserved words of grammar/baton.ebnf are all highlighted as keywords, and the seven
     participant kinds each as storage.type.<kind>.baton, so the two cannot drift apart;
  3. every sample in samples/, every ```baton block in README.md and docs/ (except the ones
     that show a syntax error on purpose) and the tricky inputs below get no invalid.* scope;
  4. the erroneous inputs below do get one, where expected;
  5. spot checks: given tokens get given scopes (and some must not get some);
  6. two tokenisers agree on every character of every input: the PyPI package
     textmate-grammar-python, and the reference loop at the end of this file, which follows
     vscode-textmate's algorithm (line by line, earliest match wins, end pattern first). The
     package is not a port of vscode-textmate, so agreement shows the result does not hang on
     the quirks of either.

Usage:
    python3 -m pip install 'textmate-grammar-python==0.6.1'
    python3 scripts/check-textmate-grammar.py          # a summary line, and every failure
    python3 scripts/check-textmate-grammar.py --dump FILE.baton   # print each token's scopes

Exit status: 0 when everything passes, 1 when a check fails, 2 when the package is missing or
a file cannot be read. Standard library plus textmate-grammar-python (and onigurumacffi, which
it installs) only.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GRAMMAR = ROOT / "grammar" / "baton.tmLanguage.json"
EBNF = ROOT / "grammar" / "baton.ebnf"

try:
    import onigurumacffi
    from textmate_grammar.parsers.base import LanguageParser
except ImportError as error:  # pragma: no cover - depends on the machine
    print(f"check-textmate-grammar: {error}; install it with "
          "python3 -m pip install 'textmate-grammar-python==0.6.1'", file=sys.stderr)
    sys.exit(2)


# ---------------------------------------------------------------------------------------------
# Inputs

# Valid Baton text that is easy to get wrong. Each must tokenise without any invalid.* scope.
TRICKY = {
    "multi-line attributes": (
        "service Orders [timeout=500ms,   # comments work inside brackets too\n"
        "                latency=80ms,\n"
        "                idempotent]\n"
        "queue Jobs [delivery =\n"
        "            at-least-once, ttl=   # the value may follow on the next line\n"
        "            24h, dlq=JobsDLQ,\n"
        "            overflow=backpressure,]\n"
        "queue JobsDLQ\n"
        "[\n"
        "  ttl=336h\n"
        "]\n"
    ),
    "one-line blocks": (
        "client A; service B\n"
        "par { A ->> B : x } and { B ->> A : y }\n"
        'alt "left" { A -> B : p } else "right" { A -> B : q }\n'
        "loop [times=3] { A -> B : r [timeout=1s] }; opt { A ~> B : s }\n"
        "A -> B : outer { B ->> A : inner }\n"
    ),
    "continuations on a later line": (
        "client A\nservice B\n"
        'alt "a" {\n  A -> B : one\n}\n# only comments and blank lines may come between\n\nelse {\n  A -> B : two\n}\n'
        "par {\n  A ->> B : x\n}\nand {\n  A ->> B : y\n}\n"
    ),
    "labels with arrows and colons": (
        "client A\nservice B\n"
        "A -> B : forwards a -> b ->> c <- d ~> e: done\n"
        "A -> B : GET /orders/42?expand=lines (v2): 10:30 \"quoted\" words\n"
        "A -> B : loop over items and else par note over unbounded\n"
        "A -> B : arr] and ) and > too\n"
        "note over A, B : time: 10:00 -> 11:00\n"
    ),
    "comments after labels": (
        "client A\nservice B\n"
        "A -> B : ping   # not part of the label\n"
        "A -> B : pong# right after the text\n"
        'A -> B : "quoted # not a comment" # a comment\n'
        "A -> B : ping [timeout=1s] # after attributes\n"
        "A -> B:tight{ B ->> A:back }\n"
    ),
    "unicode names": (
        "service Échéancier \"Payment schedule\"\n"
        "client 注文\n"
        "service Cafe\u0301 [owner=équipe]\n"
        "service Ωμέγα_2; store Straße\n"
        "注文 -> Échéancier : 期日 ✓\n"
        "Ωμέγα_2 ->> Cafe\u0301 : é\n"
        "Échéancier <- Straße : ß\n"
    ),
    "strings with # and escapes": (
        'title "Issue #42: \\"quoted\\" \\\\ back\\nslash\\ttab \\u{1F600} \\u{e9} \\u{10FFFF}"\n'
        'import "platform-catalog.baton"   # a real comment\n'
        'service S "# not a comment" [owner="Team #1", description="a, b] c"]\n'
        'flow "F #1" [description="runs \\"nightly\\""] {\n'
        '  note over S : "text # with hash"\n'
        "}\n"
    ),
    "suppression directives": (
        "# baton:ignore-file unused-participant -- a catalogue declares; the designs use\n"
        "client A\nexternal B\n"
        "# baton:ignore retry-without-backoff, unbounded-retry -- reason: legacy\n"
        "A -> B : x [retries=unbounded]\n"
        "A -> B : y  # baton:ignore external-without-breaker,missing-timeout\n"
        "#baton:ignore missing-timeout\n"
        "A -> B : z\n"
        "# baton: not a directive, just a comment\n"
        "# baton:ignored is not a directive either\n"
    ),
    "quantities": (
        "service S [availability=99.95%, slo=100%, rate-limit=6000/m, latency=250ms,\n"
        "           timeout=1.5m, concurrency=10, owner=payments]\n"
        "queue Q [ttl=1h, capacity=unbounded, max-receives=5, order=per-key, dlq=D]\n"
        "queue D [ttl=2s]\n"
        "driver P [interval=0.5s, batch=10, rate-limit=20/h, concurrency=2]\n"
        "external X [rate-limit=100/s, availability=99.5%]\n"
        "P <- Q : m [retries=unbounded, backoff=exponential, jitter, circuit-breaker, times=3]\n"
    ),
    "separators and blank space": (
        "client A ;; service B;\n"
        "\t\tA\t->\tB\t:\ttabbed\t\n"
        "A\x0b->\x0cB : vertical tab and form feed are spaces\n"
        "A->B\nA->>B\nA<-B\nA~>B:no spaces\n"
        "\n\n   \n"
    ),
    "names that contain keywords": (
        "service clients; service flowControl; queue queueReader; client Loop; client _note\n"
        "clients -> flowControl : x\n"
        "Loop ->> queueReader : y\n"
        "_note -> clients : z\n"
    ),
    "groups and flows": (
        'group Growth "Growth team" [owner=growth] {\n'
        '  group Inner [owner="Customer support"] {\n'
        "    service Api [timeout=1s]\n"
        "  }\n"
        "  client Web\n"
        "}\n"
        'flow "Checkout" [description="the happy path"] {\n'
        "  Web -> Api : buy\n"
        "}\n"
    ),
    "scenarios": (
        'title "Shop"\n'
        "client Web; service load; queue expect [overflow=reject]\n"
        "Web -> load : pay [timeout=1m30s, retries=2, backoff=exponential, backoff-base=50ms, backoff-cap=1h1m1s]\n"
        'alt "card" [p=70%] { Web -> load : a } else "cash" [p=20.5%] { Web -> load : b } else { Web -> load : c }\n'
        "opt [p=5%] { Web -> load : d }\n"
        'scenario "Provider outage" [duration=10m, warmup=1m, seed=7] {  # the head\n'
        "  load 40/s                                  # Poisson arrivals\n"
        '  load 80/s from 3m to 3m5s; load 20/s flow "Refunds" from 1m to 1h30m\n'
        "  load -5/s\n"
        "  fault load down from 4m to 5m\n"
        "  fault Warehouse hang from 4m to 4m30s\n"
        "  fault Search slow x10 from 6m to 7m; fault Search slow x1.5 from 6m to 7m\n"
        "  fault Stripe errors 30% from 6m to 7m\n"
        "  fault Billing capacity 25% from 2m to 2m10s\n"
        "  expect goodput >= 95% after 6m\n"
        '  expect p99 "Checkout" <= 2s; expect p50 < 250ms; expect p999 > 1s500ms\n'
        '  expect amplification <= 1.5; expect amplification Shop "createPayment" < 2\n'
        "  expect recovers within 30s\n"
        "  expect queue expect max 100\n"
        "}\n"
        "load -> load : scenario } in a label\n"
    ),
    "windows line endings": "client A\r\nservice B [timeout=1s,\r\n  idempotent]\r\nA -> B : x # c\r\n",
    "empty file": "",
    "only comments": "# nothing here\n   # still nothing\n",
}

# Erroneous text: (name, text, needle, occurrence, expected invalid scope). The characters of
# the needle must carry the scope.
INVALID = [
    ("unknown escape", 'title "a \\q b"\n', "\\q", 1, "invalid.illegal.escape.baton"),
    ("surrogate escape", 'title "\\u{D800}"\n', "\\u{D800}", 1, "invalid.illegal.escape.baton"),
    ("escape above 10FFFF", 'title "\\u{110000}"\n', "\\u{110000}", 1, "invalid.illegal.escape.baton"),
    ("zero escape", 'title "\\u{0}"\n', "\\u{0}", 1, "invalid.illegal.escape.baton"),
    ("seven hex digits", 'title "\\u{1234567}"\n', "\\u{1234567}", 1, "invalid.illegal.escape.baton"),
    ("unclosed unicode escape", 'title "\\u{41 x"\n', "\\u{41", 1, "invalid.illegal.escape.baton"),
    ("unterminated string", 'title "open\nclient A\n', "n", 1, "invalid.illegal.unterminated-string.baton"),
    ("unknown unit", "service S [timeout=10x]\n", "10x", 1, "invalid.illegal.number.baton"),
    ("spelled-out unit", "service S [timeout=2sec]\n", "2sec", 1, "invalid.illegal.number.baton"),
    ("unknown rate unit", "service S [rate-limit=5/d]\n", "5/d", 1, "invalid.illegal.number.baton"),
    ("number ending in a dot", "queue Q [capacity=1.]\n", "1.", 1, "invalid.illegal.number.baton"),
    ("fat arrow", "A => B\n", "=", 1, "invalid.illegal.character.baton"),
    ("lone dash", "A - B\n", "-", 1, "invalid.illegal.character.baton"),
    ("long dashed arrow", "A --> B\n", "-", 1, "invalid.illegal.character.baton"),
    ("colon in brackets", "service S [timeout: 2s]\n", ":", 1, "invalid.illegal.attribute.baton"),
    ("stray value character", "service S [owner=@team]\n", "@", 1, "invalid.illegal.attribute.baton"),
    ("number at top level", "service 1A\n", "1", 1, "invalid.illegal.character.baton"),
    ("brace in a free-text label", "A -> B : GET /orders/{id}?x=1\n", "?", 1, "invalid.illegal.character.baton"),
    ("duration part without a unit", "service S [timeout=3m5x]\n", "3m5x", 1, "invalid.illegal.number.baton"),
    ("unknown unit in a scenario", 'scenario "S" [duration=1m] {\n  load 5/d\n}\n', "5/d", 1, "invalid.illegal.number.baton"),
    ("stray character in a scenario", 'scenario "S" [duration=1m] {\n  expect goodput => 5%\n}\n', "=", 2, "invalid.illegal.character.baton"),
]

# (description, text, needle, occurrence, scope, present). Every character of the
# occurrence-th needle in text must (present=True) or must not (present=False) have scope
# in its scope stack.
SPOT = [
    ("sync call arrow", "A -> B\n", "->", 1, "keyword.operator.arrow.call.baton", True),
    ("async send arrow", "A ->> B\n", "->>", 1, "keyword.operator.arrow.send.baton", True),
    ("send is one arrow", "A ->> B\n", "->>", 1, "keyword.operator.arrow.call.baton", False),
    ("fetch arrow", "A <- B\n", "<-", 1, "keyword.operator.arrow.fetch.baton", True),
    ("callback arrow", "A ~> B\n", "~>", 1, "keyword.operator.arrow.callback.baton", True),
    ("arrow without spaces", "A->>B\n", "->>", 1, "keyword.operator.arrow.send.baton", True),
    ("initiator", "Shop ->> Fulfil : ShipOrder\n", "Shop", 1, "variable.other.participant.baton", True),
    ("passive end", "Shop ->> Fulfil : ShipOrder\n", "Fulfil", 1, "variable.other.participant.baton", True),
    ("free-text label", "Shop ->> Fulfil : Ship the order\n", "Ship the order", 1, "string.unquoted.label.baton", True),
    ("label colon", "Shop ->> Fulfil : ShipOrder\n", ":", 1, "punctuation.separator.label.baton", True),
    ("label is trimmed", "A -> B : x   # c\n", "   ", 1, "string.unquoted.label.baton", False),
    ("arrow inside a label", "A -> B : a -> b\n", "->", 2, "string.unquoted.label.baton", True),
    ("arrow inside a label is no arrow", "A -> B : a -> b\n", "->", 2, "keyword.operator.arrow.call.baton", False),
    ("keyword inside a label", "A -> B : loop over items\n", "loop", 1, "keyword.control.loop.baton", False),
    ("comment after a label", "A -> B : x # why\n", "# why", 1, "comment.line.number-sign.baton", True),
    ("comment after a label is not label", "A -> B : x # why\n", "# why", 1, "string.unquoted.label.baton", False),
    ("label in a one-line block", "par { A ->> B : x } and { B ->> A : y }\n", "x", 1, "string.unquoted.label.baton", True),
    ("block end after a one-line label", "par { A ->> B : x } and { B ->> A : y }\n", "}", 1, "punctuation.section.block.end.baton", True),
    ("and after a one-line block", "par { A ->> B : x } and { B ->> A : y }\n", "and", 1, "keyword.control.and.baton", True),
    ("label after and", "par { A ->> B : x } and { B ->> A : y }\n", "y", 1, "string.unquoted.label.baton", True),
    ("quoted label", 'A -> B : "GET /a/{id}"\n', "GET /a/{id}", 1, "string.quoted.double.baton", True),
    ("note keyword", "note over A, B : hi\n", "note", 1, "keyword.other.note.baton", True),
    ("over keyword", "note over A, B : hi\n", "over", 1, "keyword.other.over.baton", True),
    ("note participant", "note over A, B : hi\n", "B", 1, "variable.other.participant.baton", True),
    ("note comma", "note over A, B : hi\n", ",", 1, "punctuation.separator.comma.baton", True),
    ("note label", "note over A, B : hi there\n", "hi there", 1, "string.unquoted.label.baton", True),
    ("title keyword", 'title "T"\n', "title", 1, "keyword.other.title.baton", True),
    ("import keyword", 'import "a.baton"\n', "import", 1, "keyword.control.import.baton", True),
    ("import path", 'import "a.baton"\n', '"a.baton"', 1, "string.quoted.double.baton", True),
    ("group keyword", "group G [owner=x] {\n}\n", "group", 1, "storage.type.group.baton", True),
    ("group name", "group G [owner=x] {\n}\n", "G", 1, "entity.name.type.group.baton", True),
    ("flow keyword", 'flow "F" {\n}\n', "flow", 1, "storage.type.flow.baton", True),
    ("loop", "loop [times=3] {\n}\n", "loop", 1, "keyword.control.loop.baton", True),
    ("opt", "opt \"x\" {\n}\n", "opt", 1, "keyword.control.opt.baton", True),
    ("alt", 'alt "a" {\n} else "b" {\n}\n', "alt", 1, "keyword.control.alt.baton", True),
    ("else", 'alt "a" {\n} else "b" {\n}\n', "else", 1, "keyword.control.else.baton", True),
    ("par", "par {\n} and {\n}\n", "par", 1, "keyword.control.par.baton", True),
    ("block begin", "A -> B : x {\n}\n", "{", 1, "punctuation.section.block.begin.baton", True),
    ("statement separator", "client A; service B\n", ";", 1, "punctuation.terminator.statement.baton", True),
    ("declaration name", "client Web\n", "Web", 1, "entity.name.type.baton", True),
    ("declaration name after a label string", 'external Stripe "Payment provider" [x]\n', "Stripe", 1, "entity.name.type.baton", True),
    ("unicode declaration name", "service Échéancier\n", "Échéancier", 1, "entity.name.type.baton", True),
    ("decomposed declaration name", "service Cafe\u0301\n", "Cafe\u0301", 1, "entity.name.type.baton", True),
    ("CJK participant", "注文 -> Échéancier : x\n", "注文", 1, "variable.other.participant.baton", True),
    ("name containing a keyword", "clients -> B : x\n", "clients", 1, "variable.other.participant.baton", True),
    ("attribute list", "service S [timeout=2s]\n", "[timeout=2s]", 1, "meta.attributes.baton", True),
    ("attribute list begin", "service S [timeout=2s]\n", "[", 1, "punctuation.definition.attributes.begin.baton", True),
    ("attribute list end", "service S [timeout=2s]\n", "]", 1, "punctuation.definition.attributes.end.baton", True),
    ("kebab-case key", "A -> B : x [jitter, circuit-breaker]\n", "circuit-breaker", 1, "entity.other.attribute-name.baton", True),
    ("flag key", "A -> B : x [jitter, circuit-breaker]\n", "jitter", 1, "entity.other.attribute-name.baton", True),
    ("attribute comma", "A -> B : x [jitter, circuit-breaker]\n", ",", 1, "punctuation.separator.comma.baton", True),
    ("key-value separator", "service S [timeout=2s]\n", "=", 1, "punctuation.separator.key-value.baton", True),
    ("duration", "service S [latency=250ms]\n", "250ms", 1, "constant.numeric.duration.baton", True),
    ("duration unit", "service S [latency=250ms]\n", "ms", 1, "keyword.other.unit.baton", True),
    ("duration digits are no unit", "service S [latency=250ms]\n", "250", 1, "keyword.other.unit.baton", False),
    ("minutes", "service S [timeout=1.5m]\n", "1.5m", 1, "constant.numeric.duration.baton", True),
    ("percentage", "service S [availability=99.95%]\n", "99.95%", 1, "constant.numeric.percentage.baton", True),
    ("percent unit", "service S [availability=99.95%]\n", "%", 1, "keyword.other.unit.baton", True),
    ("rate", "service S [rate-limit=6000/m]\n", "6000/m", 1, "constant.numeric.rate.baton", True),
    ("rate unit", "service S [rate-limit=6000/m]\n", "/m", 1, "keyword.other.unit.baton", True),
    ("plain number", "driver D [batch=10]\n", "10", 1, "constant.numeric.decimal.baton", True),
    ("unbounded", "A -> B : x [retries=unbounded]\n", "unbounded", 1, "constant.language.baton", True),
    ("word value", "queue Q [delivery=at-least-once]\n", "at-least-once", 1, "support.constant.baton", True),
    ("name value", "queue Q [dlq=FulfilDLQ]\n", "FulfilDLQ", 1, "support.constant.baton", True),
    ("string value", 'service S [owner="Customer support"]\n', '"Customer support"', 1, "string.quoted.double.baton", True),
    ("key on a continuation line", "service S [timeout=1s,\n  idempotent]\n", "idempotent", 1, "entity.other.attribute-name.baton", True),
    ("value on a continuation line", "service S [timeout=\n  2s]\n", "2s", 1, "constant.numeric.duration.baton", True),
    ("comment in brackets", "service S [timeout=1s, # why\n  idempotent]\n", "# why", 1, "comment.line.number-sign.baton", True),
    ("string", 'title "Card payments"\n', '"Card payments"', 1, "string.quoted.double.baton", True),
    ("string quotes", 'title "Card payments"\n', '"', 1, "punctuation.definition.string.begin.baton", True),
    ("hash in a string", 'title "Issue #42"\n', "#42", 1, "string.quoted.double.baton", True),
    ("hash in a string is no comment", 'title "Issue #42"\n', "#42", 1, "comment.line.number-sign.baton", False),
    ("quote escape", 'title "a \\"b\\""\n', '\\"', 1, "constant.character.escape.baton", True),
    ("unicode escape", 'title "\\u{1F600}"\n', "\\u{1F600}", 1, "constant.character.escape.baton", True),
    ("comment", "# just a comment\n", "# just a comment", 1, "comment.line.number-sign.baton", True),
    ("comment marker", "# just a comment\n", "#", 1, "punctuation.definition.comment.baton", True),
    ("directive", "# baton:ignore retry-without-backoff\n", "# baton:ignore retry-without-backoff", 1, "comment.line.number-sign.directive.baton", True),
    ("directive keyword", "# baton:ignore retry-without-backoff\n", "baton:ignore", 1, "keyword.other.directive.suppression.baton", True),
    ("directive rule id", "# baton:ignore retry-without-backoff\n", "retry-without-backoff", 1, "constant.other.rule-id.baton", True),
    ("file directive keyword", "# baton:ignore-file unused-participant -- why\n", "baton:ignore-file", 1, "keyword.other.directive.suppression.baton", True),
    ("second rule id", "# baton:ignore a-rule, other-rule -- why\n", "other-rule", 1, "constant.other.rule-id.baton", True),
    ("reason separator", "# baton:ignore a-rule -- why not\n", "--", 1, "punctuation.separator.reason.baton", True),
    ("reason is no rule id", "# baton:ignore a-rule -- why not\n", "why", 1, "constant.other.rule-id.baton", False),
    ("end-of-line directive", "A -> B : x  # baton:ignore missing-timeout\n", "missing-timeout", 1, "constant.other.rule-id.baton", True),
    ("no rule id inside a capitalised word", "# baton:ignore Missing-timeout\n", "issing-timeout", 1, "constant.other.rule-id.baton", False),
    ("directive in a plain comment", "# see baton:ignore docs\n", "baton:ignore", 1, "keyword.other.directive.suppression.baton", False),
    ("compound duration", "service S [timeout=3m5s]\n", "3m5s", 1, "constant.numeric.duration.baton", True),
    ("second unit of a compound duration", "service S [timeout=3m5s]\n", "s", 2, "keyword.other.unit.baton", True),
    ("scenario keyword", 'scenario "S" [duration=1m] { load 1/s }\n', "scenario", 1, "storage.type.scenario.baton", True),
    ("scenario block", 'scenario "S" [duration=1m] { load 1/s }\n', "load 1/s", 1, "meta.scenario.baton", True),
    ("scenario end", 'scenario "S" [duration=1m] { load 1/s }\nA -> B\n', "}", 1, "punctuation.section.block.end.baton", True),
    ("after a scenario", 'scenario "S" [duration=1m] { load 1/s }\nA -> B\n', "A", 1, "meta.scenario.baton", False),
    ("rate in a scenario", 'scenario "S" [duration=1m] { load 40/s }\n', "40/s", 1, "constant.numeric.rate.baton", True),
    ("load word", 'scenario "S" [duration=1m] { load 40/s }\n', "load", 1, "keyword.other.scenario-line.baton", True),
    ("window word", 'scenario "S" {\n  load 4/s from 3m to 3m5s\n}\n', "from", 1, "keyword.other.scenario.baton", True),
    ("window end", 'scenario "S" {\n  load 4/s from 3m to 3m5s\n}\n', "3m5s", 1, "constant.numeric.duration.baton", True),
    ("fault participant", 'scenario "S" {\n  fault load down from 1m to 2m\n}\n', "load", 1, "variable.other.participant.baton", True),
    ("fault effect", 'scenario "S" {\n  fault Db hang from 1m to 2m\n}\n', "hang", 1, "keyword.other.fault.baton", True),
    ("slow factor", 'scenario "S" {\n  fault Db slow x10 from 1m to 2m\n}\n', "x10", 1, "constant.numeric.factor.baton", True),
    ("comparison", 'scenario "S" {\n  expect p99 <= 2s\n}\n', "<=", 1, "keyword.operator.comparison.baton", True),
    ("percentile", 'scenario "S" {\n  expect p99 <= 2s\n}\n', "p99", 1, "keyword.other.measure.baton", True),
    ("scenario words are names outside", "load -> fault : x\n", "fault", 1, "variable.other.participant.baton", True),
]


# ---------------------------------------------------------------------------------------------
# The checks

class Report:
    def __init__(self) -> None:
        self.passed = 0
        self.failures: list[str] = []

    def check(self, condition: bool, message: str) -> bool:
        if condition:
            self.passed += 1
        else:
            self.failures.append(message)
        return condition


Stacks = list[list[list[str]]]  # per line, per character: the scope stack


def scope_names(name: str | None) -> list[str]:
    return name.split() if name else []


def load_grammar() -> dict:
    return json.loads(GRAMMAR.read_text(encoding="utf-8"))


def lines_of(text: str) -> list[str]:
    """Lines as editors split them: at LF or CR LF (a BOM is not content)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").split("\n")


def walk_rules(node, path="$"):
    """Yields (path, rule) for every rule object in the grammar."""
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            if key in ("patterns",):
                for index, item in enumerate(value):
                    yield from walk_rules(item, f"{path}.{key}[{index}]")
            elif key == "repository":
                for name, item in value.items():
                    yield from walk_rules(item, f"{path}.repository.{name}")
            elif key in ("captures", "beginCaptures", "endCaptures"):
                for group, item in value.items():
                    yield from walk_rules(item, f"{path}.{key}.{group}")


def check_grammar_file(grammar: dict, report: Report) -> None:
    report.check(grammar.get("scopeName") == "source.baton", "scopeName must be source.baton")
    report.check(grammar.get("fileTypes") == ["baton"], 'fileTypes must be ["baton"]')
    repository = grammar.get("repository", {})
    for path, rule in walk_rules(grammar):
        for key in ("match", "begin", "end", "while"):
            if key in rule:
                try:
                    onigurumacffi.compile(rule[key])
                    report.passed += 1
                except onigurumacffi.OnigError as error:
                    report.failures.append(f"{path}.{key}: Oniguruma rejects {rule[key]!r}: {error}")
        for key in ("name", "contentName"):
            if path == "$":
                continue  # the grammar's name is its display name, not a scope
            for scope in scope_names(rule.get(key)):
                report.check(scope.endswith(".baton"), f"{path}.{key}: scope {scope!r} does not end in .baton")
        include = rule.get("include")
        if include is not None:
            report.check(include in ("$self", "$base") or (include.startswith("#") and include[1:] in repository),
                         f"{path}: include {include!r} does not resolve")


def reserved_words() -> tuple[list[str], list[str]]:
    """The keywords and the participant kinds, as grammar/baton.ebnf lists them."""
    text = EBNF.read_text(encoding="utf-8")
    text = re.sub(r"\(\*.*?\*\)", "", text, flags=re.S)  # drop EBNF comments

    def alternatives(rule: str) -> list[str]:
        match = re.search(r"^" + rule + r"\s*=(.*?);", text, flags=re.M | re.S)
        if match is None:
            raise SystemExit(f"check-textmate-grammar: no '{rule} = ...;' in {EBNF}")
        return re.findall(r'"([^"]+)"', match.group(1))

    return alternatives("keyword"), alternatives("KIND")


def check_keywords(tokenise, report: Report) -> None:
    keywords, kinds = reserved_words()
    report.check(len(keywords) >= 20 and set(kinds) <= set(keywords),
                 f"could not read the reserved words from {EBNF.name}: {keywords}, {kinds}")
    for word in keywords:
        text = f"{word} Name\n" if word in kinds or word == "group" else f"{word}\n"
        scopes = tokenise(text)[0][0]
        if word in kinds:
            expected = f"storage.type.{word}.baton"
            report.check(expected in scopes, f"kind {word!r}: expected {expected}, got {scopes}")
        else:
            report.check(any(s.startswith(("keyword.", "storage.type.", "constant.language.")) for s in scopes),
                         f"reserved word {word!r} is not highlighted as a keyword: {scopes}")
        # A longer word that starts with the keyword is a name.
        longer = tokenise(f"{word}x -> B\n")[0][0]
        report.check("variable.other.participant.baton" in longer,
                     f"{word + 'x'!r} should be a participant name, got {longer}")


def invalid_positions(text: str, stacks: Stacks) -> list[str]:
    found = []
    for line_number, (line, line_stacks) in enumerate(zip(lines_of(text), stacks), start=1):
        for column, scopes in enumerate(line_stacks[: len(line)]):
            bad = [s for s in scopes if s.startswith("invalid")]
            if bad:
                found.append(f"line {line_number} column {column + 1} ({line[column]!r}): {', '.join(bad)}"
                             f"\n      {line}")
    return found


def needle_stacks(text: str, stacks: Stacks, needle: str, occurrence: int) -> list[list[str]] | None:
    flat = "\n".join(lines_of(text))
    start = -1
    for _ in range(occurrence):
        start = flat.find(needle, start + 1)
        if start < 0:
            return None
    result = []
    line = flat.count("\n", 0, start)
    column = start - (flat.rfind("\n", 0, start) + 1)
    for character in needle:
        if character == "\n":
            line, column = line + 1, 0
            continue
        result.append(stacks[line][column])
        column += 1
    return result


def compare(name: str, text: str, left: Stacks, right: Stacks, report: Report) -> None:
    """Both tokenisers must give every character the same scope stack."""
    for line_number, line in enumerate(lines_of(text)):
        for column in range(len(line)):
            a, b = left[line_number][column], right[line_number][column]
            if a != b:
                report.failures.append(
                    f"{name}: the two tokenisers disagree at line {line_number + 1} column {column + 1} "
                    f"({line[column]!r}):\n      textmate-grammar-python: {a}\n      reference:               {b}"
                    f"\n      {line}")
                return
    report.passed += 1


def doc_blocks() -> list[tuple[str, str]]:
    """The ```baton blocks of README.md and docs/*.md, except those that show a syntax error."""
    blocks = []
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        for index, match in enumerate(re.finditer(r"^```baton[ \t]*\n(.*?)^```", text, flags=re.M | re.S), start=1):
            body = match.group(1)
            if body.startswith("# error: syntax"):
                continue
            line = text.count("\n", 0, match.start()) + 1
            blocks.append((f"{path.relative_to(ROOT)}:{line} (block {index})", body))
    return blocks


# ---------------------------------------------------------------------------------------------
# Tokenisers

class PackageTokeniser:
    """textmate-grammar-python (the package this check is specified with)."""

    def __init__(self, grammar: dict) -> None:
        self.parser = LanguageParser(grammar)
        self.root = grammar["scopeName"]
        logging.getLogger("textmate_grammar").setLevel(logging.ERROR)

    def __call__(self, text: str) -> Stacks:
        lines = lines_of(text)
        stacks: Stacks = [[[self.root] for _ in line] for line in lines]
        if not text.strip():
            return stacks
        element = self.parser.parse_string("\n".join(lines))
        if element is None:
            return stacks
        for (line, column), content, scopes in element.flatten():
            for offset, character in enumerate(content):
                if line < len(lines) and column + offset < len(lines[line]):
                    stacks[line][column + offset] = [s for scope in scopes for s in scope_names(scope)]
        return stacks


class ReferenceTokeniser:
    """vscode-textmate's tokenisation loop (src/grammar/tokenizeString.ts), reduced to the
    features this grammar uses: match and begin/end rules, includes, name, contentName and
    captures without nested patterns. Each line gets "\\n" appended, as in vscode-textmate;
    at every position each candidate regex is searched from there and the earliest match wins,
    ties going to the earlier candidate, with a begin/end rule's end pattern first."""

    def __init__(self, grammar: dict) -> None:
        self.grammar = grammar
        self.repository = grammar.get("repository", {})
        self.root = grammar["scopeName"]
        self.regexes: dict[tuple[str, bool], object] = {}
        self.expanded: dict[int, list[dict]] = {}

    def regex(self, source: str, allow_g: bool):
        key = (source, allow_g)
        if key not in self.regexes:
            # Like vscode-textmate: \G only matches where the previous begin match ended.
            self.regexes[key] = onigurumacffi.compile(source if allow_g else source.replace("\\G", "\uffff"))
        return self.regexes[key]

    def candidates(self, patterns: list[dict]) -> list[dict]:
        key = id(patterns)
        if key not in self.expanded:
            result: list[dict] = []
            seen: set[int] = set()

            def add(rules: list[dict]) -> None:
                for rule in rules:
                    if "include" in rule:
                        target = rule["include"]
                        if target in ("$self", "$base"):
                            rule = {"patterns": self.grammar["patterns"]}
                        else:
                            rule = self.repository[target[1:]]
                    if "match" in rule or "begin" in rule:
                        if "while" in rule:
                            raise NotImplementedError("begin/while rules")
                        result.append(rule)
                    elif "patterns" in rule and id(rule["patterns"]) not in seen:
                        seen.add(id(rule["patterns"]))
                        add(rule["patterns"])

            add(patterns)
            self.expanded[key] = result
        return self.expanded[key]

    @staticmethod
    def paint(stacks: list, base: list[str], match, captures: dict | None) -> None:
        start, end = match.span()
        for position in range(start, end):
            stacks[position] = list(base)
        for group, capture in sorted((captures or {}).items(), key=lambda item: int(item[0])):
            if "patterns" in capture:
                raise NotImplementedError("captures with patterns")
            index = int(group)
            if match._begs[index] < 0:  # the group took no part in the match
                continue
            for position in range(*match.span(index)):
                stacks[position] = stacks[position] + scope_names(capture.get("name"))

    def __call__(self, text: str) -> Stacks:
        # A frame: (rule, name scopes, content scopes, anchor when pushed, enter position, begin matched the EOL)
        stack = [(None, [self.root], [self.root], -1, -1, False)]
        result: Stacks = []
        for line in lines_of(text):
            string = line + "\n"
            stacks: list = [None] * len(string)
            position = 0
            anchor = 0 if stack[-1][5] else -1
            while True:
                rule, name_scopes, content_scopes, _, enter, _ = stack[-1]
                patterns = self.candidates(rule.get("patterns", []) if rule else self.grammar["patterns"])
                entries = [("rule", candidate.get("match", candidate.get("begin")), candidate) for candidate in patterns]
                if rule is not None:
                    end_entry = ("end", rule["end"], rule)
                    entries = entries + [end_entry] if rule.get("applyEndPatternLast") else [end_entry] + entries
                best = None
                for kind, source, candidate in entries:
                    found = self.regex(source, position == anchor).search(string, position)
                    if found is not None and (best is None or found.start() < best[0].start()):
                        best = (found, kind, candidate)
                if best is None:
                    for index in range(position, len(string)):
                        stacks[index] = content_scopes
                    break
                found, kind, candidate = best
                for index in range(position, found.start()):
                    stacks[index] = content_scopes
                advanced = found.end() > position
                if kind == "end":
                    self.paint(stacks, name_scopes, found, candidate.get("endCaptures", candidate.get("captures")))
                    popped = stack.pop()
                    anchor = popped[3]
                    if not advanced and popped[4] == position:
                        # pushed and popped without advancing: stop this line, as vscode-textmate does
                        stack.append(popped)
                        for index in range(found.end(), len(string)):
                            stacks[index] = content_scopes
                        break
                elif "begin" in candidate:
                    new_names = content_scopes + scope_names(candidate.get("name"))
                    self.paint(stacks, new_names, found, candidate.get("beginCaptures", candidate.get("captures")))
                    stack.append((candidate, new_names, new_names + scope_names(candidate.get("contentName")),
                                  anchor, position, found.end() == len(string)))
                    anchor = found.end()
                    if not advanced and rule is candidate:
                        stack.pop()
                        for index in range(found.end(), len(string)):
                            stacks[index] = content_scopes
                        break
                else:
                    self.paint(stacks, content_scopes + scope_names(candidate.get("name")), found,
                               candidate.get("captures"))
                    if not advanced:
                        for index in range(found.end(), len(string)):
                            stacks[index] = content_scopes
                        break
                position = max(position, found.end())
                if position >= len(string):
                    break
            result.append([s if s is not None else [self.root] for s in stacks[: len(line)]])
        return result


# ---------------------------------------------------------------------------------------------

def main() -> int:
    arguments = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    arguments.add_argument("--dump", metavar="FILE", help="print the scopes of every token of FILE and exit")
    options = arguments.parse_args()

    try:
        grammar = load_grammar()
        samples = sorted((ROOT / "samples").glob("*.baton"))
        inputs = [(str(path.relative_to(ROOT)), path.read_text(encoding="utf-8")) for path in samples]
    except (OSError, ValueError) as error:
        print(f"check-textmate-grammar: {error}", file=sys.stderr)
        return 2

    report = Report()
    check_grammar_file(grammar, report)
    report.check(bool(samples), f"no samples found in {ROOT / 'samples'}")
    if report.failures:  # no point tokenising with a broken grammar
        return finish(report, "the grammar file")

    package = PackageTokeniser(grammar)
    reference = ReferenceTokeniser(grammar)

    if options.dump:
        text = Path(options.dump).read_text(encoding="utf-8")
        for number, (line, stacks) in enumerate(zip(lines_of(text), package(text)), start=1):
            column = 0
            while column < len(line):
                end = column
                while end < len(line) and stacks[end] == stacks[column]:
                    end += 1
                print(f"{number}:{column + 1}\t{line[column:end]!r}\t{' '.join(stacks[column][1:])}")
                column = end
        return 0

    def tokenise(name: str, text: str) -> Stacks | None:
        """The package's scopes for text, after checking that the reference agrees."""
        try:
            stacks = package(text)
            compare(name, text, stacks, reference(text), report)
            return stacks
        except Exception as error:  # a crash on some input is a failure, not the end of the run
            report.failures.append(f"{name}: tokenising raised {type(error).__name__}: {error}")
            return None

    check_keywords(package, report)

    valid = inputs + doc_blocks() + [(f"tricky input '{name}'", text) for name, text in TRICKY.items()]
    lines = 0
    for name, text in valid:
        lines += len(lines_of(text))
        stacks = tokenise(name, text)
        if stacks is not None:
            problems = invalid_positions(text, stacks)
            report.check(not problems, f"{name}: invalid scope at " + "\n    and at ".join(problems[:5]))

    for name, text, needle, occurrence, scope in INVALID:
        stacks = tokenise(f"invalid input '{name}'", text)
        found = needle_stacks(text, stacks, needle, occurrence) if stacks is not None else None
        report.check(found is not None and all(scope in s for s in found),
                     f"invalid input '{name}': {needle!r} should be {scope}, got {found}")

    for description, text, needle, occurrence, scope, present in SPOT:
        stacks = tokenise(f"spot check '{description}'", text)
        found = needle_stacks(text, stacks, needle, occurrence) if stacks is not None else None
        report.check(found is not None and all((scope in s) == present for s in found),
                     f"spot check '{description}': {needle!r} in {text!r} should{'' if present else ' not'}"
                     f" have {scope}; got {found}")

    return finish(report, f"{len(samples)} samples, {len(valid) - len(samples)} other valid inputs ({lines} lines), "
                          f"{len(INVALID)} invalid inputs, {len(SPOT)} spot checks")


def finish(report: Report, what: str) -> int:
    for failure in report.failures:
        print(f"FAIL {failure}")
    print(f"check-textmate-grammar: {what}")
    print(f"textmate-grammar: {report.passed} passed, {len(report.failures)} failed")
    return 1 if report.failures else 0


if __name__ == "__main__":
    sys.exit(main())
