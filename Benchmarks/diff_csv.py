#!/usr/bin/env python3
"""diff_csv.py A.txt B.txt OUTDIR — the rows of two documents as CSV (a.csv,
b.csv: table, key, then one column per canonical column, amounts in 元), for
datacompy to compare the same rows gongkai diffs. Uses gongkai parse."""
import csv, json, subprocess, sys, os

def export(src, dst):
    doc = json.loads(subprocess.run([".build/release/gongkai", "parse", src], capture_output=True, check=True).stdout)
    columns = sorted({c for t in doc["tables"] for r in t.get("rows", []) for c in r["values"]})
    with open(dst, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["table", "key"] + columns)
        for t in doc["tables"]:
            for r in t.get("rows", []):
                w.writerow([t["id"], r["key"]] + [r["values"].get(c, "") for c in columns])

export(sys.argv[1], os.path.join(sys.argv[3], "a.csv"))
export(sys.argv[2], os.path.join(sys.argv[3], "b.csv"))
