#!/usr/bin/env python3
"""Verify a `rollout audit export` file with nothing but Python's standard library.

Usage: python3 verify_export.py EXPORT.jsonl [--expect-head HASH|N:HASH]

Checks, as docs/audit.md describes:
  * every line is strict JSON, exactly as `rollout audit verify --file` reads it
    (docs/audit.md, "Strictness"): lines end with LF and are at most 64 MiB; UTF-8;
    integers only (64-bit, no leading zeros, no fraction, exponent, NaN or Infinity);
    no raw control characters or unpaired surrogates in strings; no duplicate keys;
    at most 32 nested arrays and objects; nothing after the value;
  * every plan line's document hashes (SHA-256 of its UTF-8 text) to its version;
  * entries are numbered 1, 2, 3, ... without gaps;
  * each entry's previous_hash is the hash of the entry before (64 zeros for the first);
  * each entry's hash is SHA-256 of its canonical encoding: the entry object without
    "type" and "hash", serialised with sorted keys, no whitespace, UTF-8 unescaped;
  * each entry names a plan version present in the file;
  * (detail is hashed as part of the entry, whatever its members: those of an
    imported milestone, reporter, import_sha256 and import_row, need nothing more);
  * entries of format 2 carry actor_login and auth (web_session, api_token or cli);
    once one does, every later entry does, and none is recorded (recorded_at)
    before the entry it follows (format 1 entries, from earlier releases, may be);
  * the head line matches the last entry, and --expect-head (if given) is its prefix;
    N:HASH instead means entry N's hash starts with HASH (a head noted when the
    history had N entries, e.g. in a work group's reminder, checked after it grew).
Prints the entry count and head hash; exits 0 when verified, 1 otherwise, with one
line saying what is wrong and where, whatever the file holds.
"""
import hashlib
import json
import re
import sys
from datetime import date

MAX_LINE = 64 * 1024 * 1024  # bytes, without the LF; as LineSplitter.maximumLineLength
MAX_DEPTH = 32  # nested arrays and objects; as CanonicalJSONParser.maximumDepth
INT_MIN, INT_MAX = -(2 ** 63), 2 ** 63 - 1
TIME = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(Z|[+-][0-9]{2}:?[0-9]{2})\Z")


class Failure(Exception):
    """What is wrong with the export; printed as one line."""


def canonical(value):
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def fail(message):
    raise Failure(message)


def reject_float(text):
    fail("the number %s has a fraction or exponent; expected an integer" % text[:40])


def reject_constant(text):
    fail("%s is not JSON; expected an integer" % text)


def checked_int(text):
    digits = text.lstrip("-")
    value = int(text) if len(digits) <= 19 else None
    if value is None or not INT_MIN <= value <= INT_MAX:
        fail("the integer %s is out of range; expected %d to %d" % (text[:40], INT_MIN, INT_MAX))
    return value


def unique_keys(pairs):
    members = {}
    for key, value in pairs:
        if key in members:
            fail('the key "%s" appears twice in one object; expected each key once' % key[:40])
        members[key] = value
    return members


def check_tree(value, depth=1):
    """Nesting depth, and unpaired surrogates (json joins a pair such as \\ud83d\\ude00 itself, leaving only lone ones)."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as error:
            fail("the escape \\u%04X is an unpaired surrogate; expected a character or a surrogate pair" % ord(value[error.start]))
    elif isinstance(value, (dict, list)):
        if depth > MAX_DEPTH:
            fail("arrays and objects are nested deeper than %d levels" % MAX_DEPTH)
        for key in value if isinstance(value, dict) else ():
            check_tree(key)
        for item in value.values() if isinstance(value, dict) else value:
            check_tree(item, depth + 1)


def parse_line(raw, number):
    """The JSON object on one line (bytes without the LF), or Failure naming the line."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        fail("line %d is not valid UTF-8 (at byte %d); expected UTF-8 text" % (number, error.start + 1))
    try:
        value = json.loads(text, object_pairs_hook=unique_keys, parse_float=reject_float,
                           parse_int=checked_int, parse_constant=reject_constant)
        check_tree(value)
    except Failure as failure:
        fail("line %d is not valid JSON: %s" % (number, failure))
    except RecursionError:
        fail("line %d is not valid JSON: arrays and objects are nested deeper than %d levels" % (number, MAX_DEPTH))
    except ValueError as error:  # json.JSONDecodeError and int()'s own limits
        fail("line %d is not valid JSON: %s" % (number, error))
    if not isinstance(value, dict) or not isinstance(value.get("type"), str):
        fail('line %d is not a JSON object with a "type"' % number)
    return value


def field(line, key, kind, number):
    value = line.get(key)
    if not isinstance(value, kind) or isinstance(value, bool):
        fail('line %d: field "%s" is missing or has a wrong type; expected %s' % (number, key, "an integer" if kind is int else "a string"))
    return value


def instant(text, seq):
    """Seconds since 1970 of `YYYY-MM-DDTHH:MM:SS` + `Z`, `±HH:MM` or `±HHMM`, as Timestamp(iso8601:) reads it."""
    match = TIME.match(text)
    try:
        year, month, day, hour, minute, second = (int(part) for part in match.groups()[:6])
        days = date(year, month, day).toordinal() - date(1970, 1, 1).toordinal()
        zone = match.group(7).replace(":", "")
        offset = 0 if zone == "Z" else (1 if zone[0] == "+" else -1) * (int(zone[1:3]) * 3600 + int(zone[3:5]) * 60)
        if hour > 23 or minute > 59 or second > 59 or (zone != "Z" and (int(zone[1:3]) > 23 or int(zone[3:5]) > 59)):
            raise ValueError(text)
    except (AttributeError, ValueError):
        fail('entry #%d: its recorded_at "%s" is not an ISO 8601 time' % (seq, text))
    return days * 86400 + hour * 3600 + minute * 60 + second - offset


def lines(path):
    """(number, bytes) of each line, split on LF only, each at most MAX_LINE bytes held at once."""
    with open(path, "rb") as export:
        number = 0
        while True:
            raw = export.readline(MAX_LINE + 1)
            if not raw:
                return
            number += 1
            if raw.endswith(b"\n"):
                raw = raw[:-1]
            if len(raw) > MAX_LINE:
                fail("line %d is longer than %d bytes; expected at most %d bytes per line" % (number, MAX_LINE, MAX_LINE))
            yield number, raw


def verify(path, expect_head):
    plans, previous, count, head_line, recorded = set(), "0" * 64, 0, None, None
    anchor_seq, anchor_hash = (int(expect_head.split(":")[0]), None) if expect_head and ":" in expect_head else (None, None)
    first_format_two = None
    for number, raw in lines(path):
        if not raw:
            continue
        line = parse_line(raw, number)
        kind = line["type"]
        if kind == "plan":
            document = field(line, "document", str, number)
            if hashlib.sha256(document.encode("utf-8")).hexdigest() != field(line, "version", str, number):
                fail("line %d: plan document does not hash to its version" % number)
            plans.add(line["version"])
        elif kind == "entry":
            entry = {key: value for key, value in line.items() if key not in ("type", "hash")}
            seq = field(line, "seq", int, number)
            for key in ("previous_hash", "hash", "plan_version", "recorded_at"):
                field(line, key, str, number)
            if seq != count + 1:
                fail("entry #%d follows #%d: entries are missing or out of order" % (seq, count))
            if entry["previous_hash"] != previous:
                fail("entry #%d: previous_hash does not match the hash of entry #%d" % (seq, count))
            digest = hashlib.sha256(canonical(entry)).hexdigest()
            if digest != line["hash"]:
                fail("entry #%d: its hash does not match its content" % seq)
            if entry["plan_version"] not in plans:
                fail("entry #%d: unknown plan version" % seq)
            # Format 2 entries name the actor's login and how they were authenticated: both or neither.
            format_two = "actor_login" in entry
            if format_two != ("auth" in entry):
                fail("entry #%d: actor_login and auth must be both present or both absent" % seq)
            if format_two:
                field(line, "actor_login", str, number)
                if field(line, "auth", str, number) not in ("web_session", "api_token", "cli"):
                    fail("entry #%d: auth must be web_session, api_token or cli" % seq)
            elif first_format_two is not None:
                fail("entry #%d: it has no actor_login, but entry #%d before it has: the entry format never goes back"
                     % (seq, first_format_two))
            if format_two and first_format_two is None:
                first_format_two = seq
            time = instant(entry["recorded_at"], seq)
            # Format 1 entries come from releases whose demo recorded out of order; from format 2 on, time never goes back.
            if format_two and recorded is not None and time < recorded[1]:
                fail("entry #%d: recorded at %s, before entry #%d (%s): the recording time went backwards"
                     % (seq, entry["recorded_at"], seq - 1, recorded[0]))
            previous, count, recorded = digest, seq, (entry["recorded_at"], time)
            if seq == anchor_seq:
                anchor_hash = digest
        elif kind == "head":
            head_line = (field(line, "count", int, number), field(line, "hash", str, number))
        else:
            fail("line %d: unknown line type %r" % (number, kind[:40]))
    if head_line is None:
        fail("no head line: the export was cut short")
    if head_line != (count, previous):
        fail("the head line does not match the last entry")
    if anchor_seq is not None:
        wanted = expect_head.split(":")[1]
        if anchor_seq > count:
            fail("the history has %d entries, fewer than the %d noted with head %s: it was truncated or rewritten"
                 % (count, anchor_seq, wanted[:16]))
        if not anchor_hash.startswith(wanted):
            fail("entry #%d: its hash is %s, not the noted %s: the history up to it was rewritten" % (anchor_seq, anchor_hash[:16], wanted[:16]))
    elif expect_head and not previous.startswith(expect_head):
        fail("head %s is not the expected %s: the history was rewritten or truncated" % (previous, expect_head))
    return count, previous


def main(argv):
    if len(argv) not in (2, 4) or (len(argv) == 4 and argv[2] != "--expect-head"):
        print(__doc__.strip().splitlines()[2])
        return 2
    expect_head = argv[3].lower() if len(argv) == 4 else None
    if expect_head is not None and not re.fullmatch(r"([1-9][0-9]{0,18}:)?[0-9a-f]{6,64}", expect_head):
        print("invalid --expect-head %s; expected HASH or N:HASH" % expect_head[:80])
        return 2
    try:
        count, head = verify(argv[1], expect_head)
    except Failure as failure:
        print("VERIFICATION FAILED: %s" % failure)
        return 1
    except OSError as error:
        print("cannot read %s: %s" % (argv[1], error.strerror or error))
        return 2
    except MemoryError:
        print("VERIFICATION FAILED: the export does not fit in memory")
        return 1
    print("verified %d entries" % count)
    print("head %s" % head)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
