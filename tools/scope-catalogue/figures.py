#!/usr/bin/env python3
"""Maintainer tool: the done-when figures of issue 11, measured against Zoho's OpenAPI files.

    python3 tools/scope-catalogue/figures.py /path/to/crm-oas/v8.0 <classpath with zoho-processor and zoho-runtime>

(a) compiles one interface with a method for every operation in Zoho's files and every scope Zoho lists for it
    (one method per listed scope, {module_API_name}-style placeholders filled with leads / the verb's operation);
    every error must be on a scope the catalogue records as wrong in Zoho's file.
(b) compiles one method per operation with a fixed path (no variable module), declaring an unrelated scope (a
    vendors scope on a module call, a module scope on everything else); counts how many are errors.
Zoho's files are read from the path given; nothing is written outside a temporary directory.
"""
import json, glob, os, re, subprocess, sys, tempfile

VERB_OP = {"GET": "READ", "POST": "CREATE", "PUT": "UPDATE", "PATCH": "UPDATE", "DELETE": "DELETE"}
HERE = os.path.dirname(os.path.abspath(__file__))
CATALOGUE = os.path.join(HERE, "../../runtime/src/main/resources/META-INF/zohokit/zoho-crm-v8-scopes.tsv")


def operations(folder):
    for f in sorted(glob.glob(os.path.join(folder, "*.json"))):
        doc = json.load(open(f))
        top = doc.get("security")
        for p, item in (doc.get("paths") or {}).items():
            for m, op in item.items():
                if m.upper() in VERB_OP:
                    sec = op.get("security", top) or []
                    yield os.path.basename(f), m.upper(), p, [s.strip() for r in sec for v in r.values() for s in v
                                                              if s.strip()]


def wrong_scopes():
    wrong = {}
    for line in open(CATALOGUE):
        if line.startswith(("#", "@")):
            continue
        c = line.rstrip("\n").split("\t")
        shape = (c[0], re.sub(r"\{[^}]+\}", "{}", c[1]).lower())
        wrong[shape] = {w.strip().lower() for w in c[3].split("|")} if c[3] != "-" else set()
    return wrong


def shape(method, path):
    return method, re.sub(r"\{[^}]+\}", "{}", path).lower()


def java_method(i, method, path, scope):
    names = re.findall(r"\{([^}]+)\}", path)
    params = ", ".join(f'@Path("{n}") String p{j}' for j, n in enumerate(names))
    return f'  @{method.capitalize()}("{path}") @ZohoScope("{scope}") void m{i}({params});'


def compile_(methods, classpath, work):
    src = os.path.join(work, "figures", "Ops.java")
    os.makedirs(os.path.dirname(src), exist_ok=True)
    header = ["package figures;", "import io.github.zohokit.annotation.*;", "interface Ops {"]
    open(src, "w").write("\n".join(header + methods + ["}"]) + "\n")
    out = os.path.join(work, "out")
    os.makedirs(out, exist_ok=True)
    r = subprocess.run(["javac", "-proc:only", "-Xmaxerrs", "100000", "-processorpath", classpath, "-cp", classpath,
                        "-d", out, src], capture_output=True, text=True)
    lines = set()
    for m in re.finditer(r"Ops\.java:(\d+): error", r.stderr):
        lines.add(int(m.group(1)))
    return lines, len(header)


def main(folder, classpath):
    wrong = wrong_scopes()
    ops = [o for o in operations(folder) if o[2].startswith("/crm/")]
    with tempfile.TemporaryDirectory() as work:
        # (a)
        methods, meta = [], []
        no_scope = 0
        for name, method, path, scopes in ops:
            if not scopes:
                no_scope += 1
            for s in scopes:
                t = re.sub(r"\{module_api_name\}", "leads", s, flags=re.I).replace("{operation_type}", VERB_OP[method])
                methods.append(java_method(len(methods), method, path, t))
                meta.append((name, method, path, s))
        errors, offset = compile_(methods, classpath, work)
        expected, unexpected = [], []
        for line in sorted(errors):
            name, method, path, s = meta[line - offset - 1]
            (expected if s.lower() in wrong.get(shape(method, path), set()) else unexpected).append(
                f"{method} {path} [{s}] ({name})")
        print(f"(a) {len(ops)} operations in Zoho's files (paths under /crm/), {no_scope} of them list no scope; "
              f"{len(methods)} methods (one per listed scope): {len(errors)} errors, {len(expected)} on scopes the "
              f"catalogue records as wrong, {len(unexpected)} others")
        for u in unexpected:
            print("    unexpected:", u)
        # (b)
        methods, meta = [], []
        for name, method, path, scopes in ops:
            segs = path.strip("/").split("/")
            if len(segs) > 2 and segs[2].startswith("{"):
                continue  # variable module: not a fixed path
            module_call = any(".modules." in s.lower() for s in scopes) and "settings" not in segs
            unrelated = "ZohoCRM.modules.vendors.ALL" if not module_call else "ZohoCRM.settings.variables.ALL"
            if module_call and len(segs) > 2 and segs[2].lower() != "vendors":
                unrelated = "ZohoCRM.modules.vendors.ALL"
            methods.append(java_method(len(methods), method, path, unrelated))
            meta.append((name, method, path, unrelated))
        errors, offset = compile_(methods, classpath, work)
        print(f"(b) {len(methods)} operations with a fixed path, each declaring an unrelated scope: {len(errors)} "
              f"errors = {100.0 * len(errors) / len(methods):.1f} %")
        for i, (name, method, path, s) in enumerate(meta):
            if i + offset + 1 not in errors:
                print("    accepted:", method, path, s, f"({name})")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: figures.py <folder with Zoho's crm-oas v8.0 *.json> <classpath of zoho-processor>")
    main(sys.argv[1], sys.argv[2])
