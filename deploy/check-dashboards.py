#!/usr/bin/env python3
"""Helper of deploy/check-dashboards.sh (standard library only).

  check-dashboards.py free-ports N
      prints N free TCP ports of 127.0.0.1, one a line
  check-dashboards.py prometheus-config OUT --target JOB=HOST:PORT ... --rules GLOB [--credentials JOB=FILE ...]
      writes a Prometheus configuration that scrapes each JOB's /actuator/prometheus every 2 s
      (job names, service and layer labels as deploy/prometheus/prometheus.yml) and loads the rule files
  check-dashboards.py expressions DASHBOARD_DIR
      lists every query the dashboards hold, with Grafana's variables replaced (no Prometheus needed)
  check-dashboards.py alert-parts EXPRESSION
      prints the parts of an alert expression the check queries (its thresholds dropped)
  check-dashboards.py check PROMETHEUS_URL DASHBOARD_DIR RULES_GLOB [--range 15m]
      runs every dashboard panel query, every template variable query and every alert rule's
      expression (without its threshold, see below) against Prometheus; exits 1 when any returns
      no series, fails to evaluate, or a dashboard is malformed

Grafana's variables are replaced as Grafana would for a short dashboard time range:
$__rate_interval -> 1m, $__interval -> 30s, $__range -> --range (the mix's length), a
template variable -> its allValue (".*": every dashboard uses template variables only in =~
matchers), ${datasource} only appears in datasource fields.

Alert expressions: an alert's expression returns nothing while it does not fire, so it cannot
tell "no data" from "all is well". Each rule's expression, as Prometheus loaded it
(/api/v1/rules), is split at its top-level set operators (and, or, unless) and each operand's
top-level comparison with a constant threshold is dropped (`max(x) > 0` -> `max(x)`; a
comparison of two vectors keeps both sides, each queried alone). Every part must return at
least one series: then the rule can decide, firing or not. The rule's state (inactive, pending,
firing) is printed beside it.
"""
import glob
import json
import math
import os
import re
import socket
import sys
import urllib.error
import urllib.parse
import urllib.request

GRAFANA_BUILTINS = {
    "__rate_interval": "1m",
    "__interval": "30s",
    "__interval_ms": "30000",
}

LAYERS = {"system-api": "system", "process-api": "process", "experience-api": "experience"}


# ------------------------------------------------------------------------------------------
# dashboards


def load_dashboards(directory):
    files = sorted(glob.glob(os.path.join(directory, "*.json")))
    boards = []
    for path in files:
        with open(path, encoding="utf-8") as f:
            boards.append((os.path.basename(path), json.load(f)))
    return boards


def all_panels(panels):
    for panel in panels or []:
        yield panel
        yield from all_panels(panel.get("panels"))


def structure_problems(name, board, seen_uids):
    """What would make the dashboard fail to load or query in Grafana."""
    problems = []
    uid = board.get("uid")
    if not uid:
        problems.append("no uid")
    elif uid in seen_uids:
        problems.append(f"uid {uid} also in {seen_uids[uid]}")
    else:
        seen_uids[uid] = name
    variables = board.get("templating", {}).get("list", [])
    ds = [v for v in variables if v.get("name") == "datasource"]
    if not ds or ds[0].get("type") != "datasource" or ds[0].get("query") != "prometheus":
        problems.append('no variable "datasource" of type datasource with query prometheus')
    ids = set()
    for panel in all_panels(board.get("panels")):
        title = panel.get("title", "?")
        if panel.get("id") in ids:
            problems.append(f"panel id {panel.get('id')} used twice")
        ids.add(panel.get("id"))
        pos = panel.get("gridPos", {})
        if not pos or pos.get("x", 0) + pos.get("w", 0) > 24:
            problems.append(f"{title}: gridPos missing or wider than 24")
        if panel.get("type") == "row":
            continue
        if panel.get("datasource") != {"type": "prometheus", "uid": "${datasource}"}:
            problems.append(f"{title}: datasource is not the ${{datasource}} variable")
        targets = panel.get("targets") or []
        if not targets:
            problems.append(f"{title}: no query")
        for target in targets:
            if not target.get("expr", "").strip():
                problems.append(f"{title} {target.get('refId')}: empty expr")
            if target.get("datasource", {}).get("uid") != "${datasource}":
                problems.append(f"{title} {target.get('refId')}: target datasource is not ${{datasource}}")
        if not panel.get("fieldConfig", {}).get("defaults", {}).get("unit"):
            problems.append(f"{title}: no unit")
    return problems


def substitute(expr, variables, time_range):
    values = dict(GRAFANA_BUILTINS)
    values["__range"] = time_range
    values["__range_s"] = str(duration_seconds(time_range))
    values["__range_ms"] = str(duration_seconds(time_range) * 1000)
    for var in variables:
        if var.get("type") in ("query", "custom", "interval", "constant", "textbox"):
            values[var["name"]] = var.get("allValue") or ".*"

    def value(match):
        name = match.group("name") or match.group("braced") or match.group("old")
        if name not in values:
            raise KeyError(f"unknown variable ${name}")
        return values[name]

    pattern = r"\$\{(?P<braced>\w+)(?::\w+)?\}|\[\[(?P<old>\w+)\]\]|\$(?P<name>\w+)"
    return re.sub(pattern, value, expr)


def duration_seconds(text):
    units = {"ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800, "y": 31536000}
    total = 0.0
    for number, unit in re.findall(r"(\d+)(ms|s|m|h|d|w|y)", text):
        total += int(number) * units[unit]
    return int(total)


def variable_query(var):
    """label_values(selector, label) -> count by (label) (selector); None for other kinds."""
    if var.get("type") != "query":
        return None
    query = var.get("query")
    if isinstance(query, dict):
        query = query.get("query")
    query = query or var.get("definition", "")
    match = re.fullmatch(r"\s*label_values\((?P<selector>.+),\s*(?P<label>\w+)\s*\)\s*", query)
    if not match:
        return query
    return f'count by ({match.group("label")}) ({match.group("selector")})'


def dashboard_queries(directory, time_range):
    """(kind, where, expression) of every panel target and every template variable."""
    queries, problems, seen = [], [], {}
    for name, board in load_dashboards(directory):
        problems += [f"{name}: {p}" for p in structure_problems(name, board, seen)]
        variables = board.get("templating", {}).get("list", [])
        for var in variables:
            query = variable_query(var)
            if query is not None:
                queries.append(("variable", f"{name} / variable ${var['name']}", substitute(query, variables, time_range)))
        for panel in all_panels(board.get("panels")):
            for target in panel.get("targets") or []:
                expr = target.get("expr", "")
                if not expr.strip():
                    continue
                where = f"{name} / {panel.get('title')} [{target.get('refId')}]"
                try:
                    queries.append(("panel", where, substitute(expr, variables, time_range)))
                except KeyError as ex:
                    problems.append(f"{where}: {ex}")
    return queries, problems


# ------------------------------------------------------------------------------------------
# alert expressions without their thresholds


def unquoted(expr):
    """Yields (index, char) of the characters outside string literals."""
    i, quote = 0, None
    while i < len(expr):
        c = expr[i]
        if quote:
            if c == "\\" and quote != "`":
                i += 2
                continue
            if c == quote:
                quote = None
        elif c in "\"'`":
            quote = c
        else:
            yield i, c
        i += 1


def scan(expr):
    """Yields (index, char, depth) outside strings; depth counts (), {} and []."""
    depth = 0
    for i, c in unquoted(expr):
        if c in "({[":
            depth += 1
        elif c in ")}]":
            depth -= 1
        else:
            yield i, c, depth


def split_set_operators(expr):
    """Splits at top-level and / or / unless (with their on(...)/ignoring(...) modifiers)."""
    cuts = []
    top = {i for i, _, d in scan(expr) if d == 0}
    for m in re.finditer(r"(?<![\w:])(and|or|unless)(?![\w:])", expr):
        if m.start() in top:
            cuts.append((m.start(), m.end()))
    parts, start = [], 0
    for a, b in cuts:
        parts.append(expr[start:a])
        start = b
    parts.append(expr[start:])
    cleaned = []
    for part in parts:
        part = re.sub(r"^\s*(on|ignoring)\s*\([^)]*\)", "", part).strip()
        cleaned.append(part)
    return cleaned


def unwrap(expr):
    """Drops parentheses that enclose the whole expression."""
    expr = expr.strip()
    while expr.startswith("(") and expr.endswith(")") and closing_paren(expr) == len(expr) - 1:
        expr = expr[1:-1].strip()
    return expr


def closing_paren(expr):
    """Index of the parenthesis that closes the one at index 0 (strings skipped)."""
    depth = 0
    for i, c in unquoted(expr):
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i
    return -1


CONSTANT = re.compile(r"^[\s\d.eE+\-*/()]+$")


def without_threshold(expr):
    """The parts of an alert expression that must return series for the rule to decide."""
    parts = []
    for operand in split_set_operators(expr):
        operand = unwrap(operand)
        top = [(i, c) for i, c, d in scan(operand) if d == 0]
        comparison = None
        for k, (i, c) in enumerate(top):
            nxt = operand[i + 1] if i + 1 < len(operand) else ""
            if c in "<>" or (c in "=!" and nxt == "="):
                # "=~" / "!~" only occur inside {} (depth > 0); "==", "!=", ">=", "<=", ">", "<" here
                length = 2 if nxt == "=" else 1
                comparison = (i, length)
                break
        if comparison is None:
            parts.append(operand)
            continue
        i, length = comparison
        left = operand[:i].strip()
        right = re.sub(r"^\s*bool\b", "", operand[i + length:]).strip()
        parts.append(unwrap(left))
        if not CONSTANT.match(right):
            parts.extend(without_threshold(right))
    return parts


# ------------------------------------------------------------------------------------------
# Prometheus


def api(base, path, **params):
    url = base.rstrip("/") + path
    data = urllib.parse.urlencode(params).encode() if params else None
    request = urllib.request.Request(url, data=data, method="POST" if data else "GET")
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return json.load(answer)
    except urllib.error.HTTPError as ex:
        try:
            return json.load(ex)
        except ValueError:
            return {"status": "error", "error": f"HTTP {ex.code}"}


LABELS = {"ok": "OK", "nan": "NaN", "empty": "NO DATA", "error": "ERROR"}


def query(base, expr):
    """('ok'|'nan'|'empty'|'error', series count, detail)."""
    answer = api(base, "/api/v1/query", query=expr)
    if answer.get("status") != "success":
        return "error", 0, answer.get("error", "unknown error")
    data = answer["data"]
    if data["resultType"] == "scalar":
        values = [data["result"][1]]
    else:
        values = [r["value"][1] for r in data["result"]]
    if not values:
        return "empty", 0, ""
    numbers = [float(v) for v in values]
    if all(math.isnan(n) for n in numbers):
        return "nan", len(values), ""
    return "ok", len(values), ""


def rule_files_alert_count(rules_glob):
    try:
        import yaml  # optional: only to count the rules the files hold
    except ImportError:
        return None
    count = 0
    for path in glob.glob(rules_glob):
        with open(path, encoding="utf-8") as f:
            doc = yaml.safe_load(f) or {}
        for group in doc.get("groups", []):
            count += sum(1 for rule in group.get("rules", []) if "alert" in rule)
    return count


def check(base, directory, rules_glob, time_range):
    failures, notes = [], []
    queries, problems = dashboard_queries(directory, time_range)
    failures += [f"MALFORMED  {p}" for p in problems]

    counts = {"panel": 0, "variable": 0, "alert": 0}
    print(f"Dashboard queries ($__range = {time_range}):")
    for kind, where, expr in queries:
        counts[kind] += 1
        state, series, detail = query(base, expr)
        print(f"  {LABELS[state]:7} {series:3}  {where}")
        if state == "error":
            failures.append(f"ERROR      {where}: {detail}\n             {expr}")
        elif state == "empty":
            failures.append(f"NO DATA    {where}\n             {expr}")
        elif state == "nan":
            notes.append(f"only NaN   {where} (a ratio or quantile with nothing in its window now)")

    rules = api(base, "/api/v1/rules")
    alerts = [r for g in rules.get("data", {}).get("groups", []) for r in g["rules"] if r.get("type") == "alerting"]
    in_files = rule_files_alert_count(rules_glob)
    if in_files is not None and in_files != len(alerts):
        failures.append(f"RULES      the rule files hold {in_files} alerts, Prometheus loaded {len(alerts)}")
    if not alerts:
        failures.append("RULES      Prometheus loaded no alert rule")
    print("Alert rules (each part of the expression without its threshold):")
    for rule in alerts:
        counts["alert"] += 1
        name = rule["name"]
        if rule.get("health") not in (None, "ok", "unknown"):
            failures.append(f"RULE ERROR {name}: {rule.get('lastError')}")
        for n, part in enumerate(without_threshold(rule["query"]), 1):
            state, series, detail = query(base, part)
            print(f"  {LABELS[state]:7} {series:3}  {name} part {n} (rule {rule.get('state', '?')})")
            if state == "error":
                failures.append(f"ERROR      alert {name} part {n}: {detail}\n             {part}")
            elif state == "empty":
                failures.append(f"NO DATA    alert {name} part {n}\n             {part}")

    print()
    for note in notes:
        print(f"note: {note}")
    summary = (f"{counts['panel']} panel queries, {counts['variable']} variable queries, "
               f"{counts['alert']} alert expressions")
    if failures:
        print(f"\n{len(failures)} problem(s):")
        for failure in failures:
            print(f"  {failure}")
        print(f"\nFAILED: {summary}; {len(failures)} without data or broken")
        return 1
    print(f"OK: {summary}; all returned data")
    return 0


# ------------------------------------------------------------------------------------------


def free_ports(n):
    sockets, ports = [], []
    for _ in range(n):
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        sockets.append(s)
        ports.append(s.getsockname()[1])
    for s in sockets:
        s.close()
    return ports


def prometheus_config(out, targets, rules, credentials):
    lines = [
        "# generated by deploy/check-dashboards.py for deploy/check-dashboards.sh",
        "global:",
        "  scrape_interval: 2s",
        "  scrape_timeout: 2s",
        "  evaluation_interval: 2s",
        "rule_files:",
        f"  - {json.dumps(os.path.abspath(rules))}",
        "scrape_configs:",
    ]
    for job, address in targets:
        lines += [
            f"  - job_name: {job}",
            "    metrics_path: /actuator/prometheus",
        ]
        if job in credentials:
            lines += ["    authorization:", "      type: Bearer",
                      f"      credentials_file: {json.dumps(os.path.abspath(credentials[job]))}"]
        lines += [
            "    static_configs:",
            f"      - targets: [{json.dumps(address)}]",
            "        labels:",
            f"          service: {job}",
            f"          layer: {LAYERS.get(job, job)}",
        ]
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def pairs(values):
    result = []
    for value in values:
        key, _, rest = value.partition("=")
        result.append((key, rest))
    return result


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    command, args = argv[1], argv[2:]
    if command == "free-ports":
        print("\n".join(str(p) for p in free_ports(int(args[0]))))
        return 0
    if command == "prometheus-config":
        out, targets, rules, credentials = args[0], [], None, {}
        i = 1
        while i < len(args):
            if args[i] == "--target":
                targets += pairs([args[i + 1]])
            elif args[i] == "--rules":
                rules = args[i + 1]
            elif args[i] == "--credentials":
                credentials.update(pairs([args[i + 1]]))
            else:
                raise SystemExit(f"unknown option {args[i]}")
            i += 2
        prometheus_config(out, targets, rules, credentials)
        return 0
    if command == "expressions":
        queries, problems = dashboard_queries(args[0], "15m")
        for kind, where, expr in queries:
            print(f"{kind}\t{where}\t{expr}")
        for problem in problems:
            print(f"MALFORMED\t{problem}")
        return 1 if problems else 0
    if command == "alert-parts":
        for part in without_threshold(args[0]):
            print(part)
        return 0
    if command == "check":
        time_range = "15m"
        if "--range" in args:
            time_range = args[args.index("--range") + 1]
        return check(args[0], args[1], args[2], time_range)
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
