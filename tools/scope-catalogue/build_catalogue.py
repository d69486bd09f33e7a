#!/usr/bin/env python3
"""Maintainer tool: rebuilds zohokit's scope catalogue from Zoho's OpenAPI files plus our own corrections.

    python3 tools/scope-catalogue/build_catalogue.py /path/to/crm-oas/v8.0 > \
        runtime/src/main/resources/META-INF/zohokit/zoho-crm-v8-scopes.tsv

The OpenAPI files are Zoho's (public repository zoho/crm-oas, folder v8.0); they are read from the path given on
the command line and never copied into this repository. The build does not run this script: the catalogue it
prints is committed data. What the script adds on top of Zoho's files (documented alternatives, corrections of
scopes that are obviously wrong, rows Zoho's files lack) is in CORRECTIONS / EXTRA below, each with its source.
"""
import glob
import json
import os
import re
import sys

MODULES = [  # API name, scope name (Zoho's pages: "Possible module names")
    ("Leads", "leads"), ("Accounts", "accounts"), ("Contacts", "contacts"), ("Deals", "deals"),
    ("Campaigns", "campaigns"), ("Tasks", "tasks"), ("Cases", "cases"), ("Events", "events"), ("Calls", "calls"),
    ("Solutions", "solutions"), ("Products", "products"), ("Vendors", "vendors"), ("Price_Books", "pricebooks"),
    ("Quotes", "quotes"), ("Sales_Orders", "salesorders"), ("Purchase_Orders", "purchaseorders"),
    ("Invoices", "invoices"), ("Appointments__s", "appointments"), ("Services__s", "services"), ("Notes", "notes"),
    ("Appointments_Rescheduled_History__s", "appointments_rescheduled_history"),
]
RECORDS_PAGES = "docs v8/insert-records.html, help/api-diff/getrecordbyID.html (ZohoCRM.modules.ALL or " \
                "ZohoCRM.modules.{module_name}.{operation_type})"
MODULE_SCOPE = {a.lower(): s for a, s in MODULES}
OPS = {"ALL", "READ", "CREATE", "UPDATE", "DELETE", "WRITE", "CUSTOM"}
VERB_OP = {"GET": "READ", "POST": "CREATE", "PUT": "UPDATE", "PATCH": "UPDATE", "DELETE": "DELETE"}
# POSTs that only read (Zoho documents them with READ scopes)
READ_POSTS = {"search", "summary", "get_assigned", "get_unassigned", "count", "coql", "read"}

# Files whose security list names a scope family unrelated to the path. Value: (replacement alternatives,
# source of the replacement, note). Replacement "X.ALL" also gets X.<operation> (see derived()).
CORRECTIONS = {
    "business_hours.json": (["ZohoCRM.settings.business_hours.ALL"], "docs v7/get-business-hours.html",
                            "Zoho's file names ZohoCRM.files.CREATE; the business-hours pages name "
                            "ZohoCRM.settings.business_hours.{ALL,READ,...}"),
    "scoring_rules.json": (["ZohoCRM.settings.scoring_rules.ALL"], "docs v8/scoring-rules.html, "
                           "v8/create-scoring-rules.html, v8/update-rule-status.html, v8/execute-scoring-rules.html",
                           "Zoho's file names ZohoCRM.settings.storage_analytics; the scoring-rule pages name "
                           "ZohoCRM.settings.scoring_rules.{operation_type}"),
    "module_search.json": (["ZohoCRM.modules.ALL", "ZohoCRM.modules.{module}.ALL"], "oas record.json (same path)",
                           "Zoho's module_search.json names ZohoCRM.users scopes for a record search; record.json "
                           "gives the module scopes for the same path"),
    "field_attachments.json": (["ZohoCRM.modules.ALL", "ZohoCRM.modules.{module}.ALL"], "oas record.json family",
                               "Zoho's file names ZohoCRM.modules.ALL.READ, which is not a scope (ALL is not a "
                               "resource)"),
}
# Files whose scopes look copied from another file (family unrelated to the path) but for which we found no Zoho
# page naming the right scope: accepted as listed, with this note, so a user copying Zoho's file is not rejected.
SUSPICIOUS = {
    "features.json": "ZohoCRM.files", "holidays.json": "ZohoCRM.settings.recycle_bin",
    "cadences.json": "ZohoCRM.settings.roles", "cadences_execution.json": "ZohoCRM.settings.roles",
    "services.json": "ZohoCRM.settings.roles", "reschedule_history.json": "ZohoCRM.settings.roles",
    "pick_list_values.json": "ZohoCRM.settings.custom_views",
}
# Alternatives that are added where Zoho's file omits them (documented on Zoho's pages).
ADDED = {
    ("POST", "/crm/v8/coql"): (["ZohoCRM.coql.READ & ZohoCRM.modules.READ", "ZohoCRM.coql.READ & ZohoCRM.modules.{module}.READ"],
                               "docs v8/Get-Records-through-COQL-Query.html",
                               "the page requires ZohoCRM.coql.READ and a module scope (for any module in the "
                               "query); Zoho's file lists ZohoCRM.modules.all alone, also accepted"),
    ("DELETE", "/crm/v8/settings/automation/scoring_rules/{id}/actions/activate"): (
        ["ZohoCRM.settings.scoring_rules.UPDATE"], "docs v8/update-rule-status.html",
        "deactivating is a DELETE that Zoho's page authorises with the UPDATE operation type"),
    ("POST", "/crm/v8/{module}/actions/add_tags"): (
        ["ZohoCRM.modules.ALL", "ZohoCRM.modules.{module}.CREATE", "ZohoCRM.modules.{module}.ALL"],
        "docs v2/add-tags.html", "Zoho's file names ZohoCRM.settings.tags; the add-tags page names the module "
        "scopes; both accepted"),
    ("POST", "/crm/v8/{module}/{record_id}/actions/add_tags"): (
        ["ZohoCRM.modules.ALL", "ZohoCRM.modules.{module}.CREATE", "ZohoCRM.modules.{module}.ALL"],
        "docs v2/add-tags.html", "Zoho's file names ZohoCRM.settings.tags; the add-tags page names the module "
        "scopes; both accepted"),
    ("POST", "/crm/v8/upload"): (["ZohoFiles.files.ALL"], "docs v7/bulk-write/upload-file.html",
                                 "the Bulk Write upload page names ZohoFiles.files.ALL (the error of a token "
                                 "without it is OAUTH_SCOPE_MISMATCH); Zoho's file lists the bulk scopes, also "
                                 "accepted"),
    ("POST", "/crm/v8/__composite_requests"): (["ZohoCRM.composite_requests.CUSTOM"],
                                               "docs vertical-solutions v6/composite-api.html",
                                               "Zoho's file lists no scope; the page names "
                                               "ZohoCRM.composite_requests.CUSTOM plus each sub-request's own scope"),
}


def module_position(segments):
    """Index of the module segment: the one after /crm/vN, or None."""
    if len(segments) >= 3 and segments[0] == "crm" and re.fullmatch(r"v\d+(\.\d+)?", segments[1]):
        return 2
    return None


def normalise_path(path):
    segs = path.strip("/").split("/")
    pos = module_position(segs)
    if pos is not None and segs[pos].startswith("{"):
        segs[pos] = "{module}"
    return "/" + "/".join(segs), segs, pos


def malformed(scope):
    if "{" in scope:
        return "a placeholder"
    parts = scope.split(".")
    if len(parts) < 3:
        return "too few segments"
    if not parts[0].startswith("Zoho"):
        return "no service name (Zoho...)"
    if parts[-1].upper() not in OPS:
        return "no operation"
    if any(p.lower() == "zohocrm" for p in parts[1:]):
        return "a service name in the middle"
    return None


def read_like(method, segs):
    return method == "GET" or (method == "POST" and segs[-1] in READ_POSTS)


def op_of(scope):
    return scope.split(".")[-1].upper()


def main(folder):
    rows = {}
    skipped = []
    for f in sorted(glob.glob(os.path.join(folder, "*.json"))):
        name = os.path.basename(f)
        doc = json.load(open(f))
        top = doc.get("security")
        for p, item in (doc.get("paths") or {}).items():
            for m, op in item.items():
                if m.lower() not in VERB_OP.keys() | {"get", "post", "put", "patch", "delete"}:
                    continue
                method = m.upper()
                if not p.startswith("/crm/"):
                    skipped.append(f"{method} {p} ({name})")
                    continue
                sec = op.get("security", top) or []
                listed = [s.strip() for req in sec for v in req.values() for s in v if s.strip()]
                path, segs, pos = normalise_path(p)
                literal_module = None
                if pos is not None and not segs[pos].startswith("{") and segs[pos].lower() in MODULE_SCOPE:
                    literal_module = MODULE_SCOPE[segs[pos].lower()]
                reads = read_like(method, segs)
                want = "READ" if reads else VERB_OP[method]
                accepted, wrong, notes, sources = [], [], [], [f"oas {name}"]

                def subst(s):
                    s = re.sub(r"\{module_api_name\}", "{module}", s, flags=re.I)
                    s = s.replace("{operation_type}", want)
                    if literal_module:
                        s = s.replace("{module}", literal_module)
                    return s

                if name in CORRECTIONS:
                    repl, src, note = CORRECTIONS[name]
                    wrong.extend(listed)
                    accepted.extend(subst(r) for r in repl)
                    sources.append(src)
                    notes.append(note)
                else:
                    mismatched = []
                    for s in listed:
                        t = subst(s)
                        why = malformed(t.replace("{module}", "leads"))
                        if why:
                            wrong.append(s)
                            notes.append(f"{s} in Zoho's file is not a scope ({why})")
                            continue
                        o = op_of(t)
                        if (not reads and o == "READ") or (reads and o in ("CREATE", "UPDATE", "DELETE")):
                            mismatched.append((s, t))
                            continue
                        accepted.append(t)
                    for s, t in mismatched:
                        if accepted:
                            wrong.append(s)
                            notes.append(f"Zoho's file lists {s} for a {'read' if reads else method}, next to "
                                         f"scopes that fit; the operation type does not fit this call")
                        else:
                            accepted.append(t)
                            notes.append(f"Zoho's file lists only {s}, whose operation type does not fit this "
                                         f"call; accepted as listed")
                    fixed = [subst(s) for s in listed if "ZohoCRM.settings.ZohoCRM." in s]
                    for s in fixed:  # currencies.json: "ZohoCRM.settings.ZohoCRM.settings.currencies.all"
                        accepted.append(s.replace("ZohoCRM.settings.ZohoCRM.", "ZohoCRM."))
                    if any(s.startswith("settings.") for s in listed):  # fiscal_year.json lacks the service
                        for s in listed:
                            if s.startswith("settings.") and not (o := op_of(s)) in () :
                                t = "ZohoCRM." + s
                                if (reads and op_of(t) == "READ") or (not reads and op_of(t) != "READ"):
                                    accepted.append(t)
                        notes.append("Zoho's file writes settings.fiscal_year.* without the ZohoCRM service")
                key = (method, path)
                shape = (method, re.sub(r"\{(?!module\})[^}]+\}", "{}", path).lower())
                if key in ADDED:
                    add, src, note = ADDED[key]
                    accepted.extend(add)
                    sources.append(src)
                    notes.append(note)
                if name in SUSPICIOUS:
                    notes.append(f"Zoho's file names {SUSPICIOUS[name]} scopes, a family unrelated to this path "
                                 f"(probably copied from another file); no Zoho page found to correct it, so "
                                 f"accepted as listed")
                if not listed and key not in ADDED:
                    notes.append("Zoho's file lists no scope for this operation")
                # documented form "X.ALL (or) X.{operation_type}": X.ALL also means X.<this operation>
                for s in list(accepted):
                    if "&" in s:
                        continue
                    parts = s.split(".")
                    if op_of(s) == "ALL" and len(parts) >= 3:
                        base = ".".join(parts[:-1])
                        if base.lower() in ("zohocrm.modules", "zohocrm.settings"):
                            continue
                        accepted.append(base + "." + want)
                if literal_module and not any(".modules." in a.lower() for a in accepted):
                    # a standard module's records: the records pages document the module scopes for every module
                    accepted.append("ZohoCRM.modules.ALL")
                    sources.append(RECORDS_PAGES)
                    notes.append("module scopes added from Zoho's records pages")
                if pos is not None and any(a.lower() == "zohocrm.modules.all" for a in accepted):
                    if segs[pos] == "{module}":
                        accepted.append("ZohoCRM.modules.{module}." + want)
                        accepted.append("ZohoCRM.modules.{module}.ALL")
                    elif literal_module:
                        accepted.append(f"ZohoCRM.modules.{literal_module}.{want}")
                        accepted.append(f"ZohoCRM.modules.{literal_module}.ALL")
                if not accepted and listed:
                    notes.append("no usable scope in Zoho's file")
                row = rows.setdefault(shape, {"path": path, "method": method, "accepted": [], "wrong": [],
                                              "sources": [], "notes": []})
                for k, v in (("accepted", accepted), ("wrong", wrong), ("sources", sources), ("notes", notes)):
                    for x in v:
                        if x.lower() not in (y.lower() for y in row[k]):
                            row[k].append(x)
    out = sys.stdout
    out.write("# zohokit scope catalogue: Zoho CRM v8 operations and the OAuth scopes that authorise them.\n")
    out.write("# Our data file, built with tools/scope-catalogue/build_catalogue.py from Zoho's OpenAPI files\n")
    out.write("# (github.com/zoho/crm-oas, folder v8.0; each operation's security list) and Zoho's v8 API pages\n")
    out.write("# (zoho.com/crm/developer/docs/api/v8/, the Scope section); see the source column of each row.\n")
    out.write("# Columns, tab-separated: method, path, scopes, wrong, source, note.\n")
    out.write("#   scopes: the alternatives, separated by ' | '; any one authorises the call. 'A & B' needs both.\n")
    out.write("#           {module} is the scope name of the path's module (@module lines); where the path has\n")
    out.write("#           no module, any module will do. X.ALL covers X.READ etc., ZohoCRM.modules.ALL covers\n")
    out.write("#           ZohoCRM.modules.leads.READ (zohokit's Scope rule), so parents are not repeated.\n")
    out.write("#   wrong:  scopes Zoho's file lists that we do not accept, with the reason in the note; '-' if none.\n")
    out.write("# Not in the catalogue: " + "; ".join(skipped) + " (not API paths: links Zoho returns).\n")
    for a, s in MODULES:
        out.write(f"@module\t{a}\t{s}\n")
    for _, r in sorted(rows.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        out.write("\t".join([r["method"], r["path"], " | ".join(r["accepted"]) or "-", " | ".join(r["wrong"]) or "-",
                             "; ".join(r["sources"]), "; ".join(r["notes"]) or "-"]) + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: build_catalogue.py <folder with Zoho's crm-oas v8.0 *.json files>")
    main(sys.argv[1])
