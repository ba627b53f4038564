#!/usr/bin/env python3
"""python_route.py OUTDIR MODEL.json...

What an analyst would write instead of gongkai: read the model JSON (given
for free — no text parsing) and write the standardized workbook with
XlsxWriter: the 13 table sheets with the catalog's headers, every subtotal a
SUM formula with its cached value, the same formats, merges, widths, frozen
panes and print setup, then 校验 and 说明. `make bench` times it beside
gongkai and the C floor.
"""
import json, os, sys, glob
from decimal import Decimal
import xlsxwriter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CATALOG = [json.load(open(p, encoding="utf-8")) for p in sorted(glob.glob(os.path.join(ROOT, "Templates", "table*.json")))]


def col(c):
    s = ""
    c += 1
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s


def write(doc, path):
    wb = xlsxwriter.Workbook(path)
    F = {
        "title": wb.add_format({"font_name": "黑体", "font_size": 16, "bold": True, "align": "center", "valign": "vcenter"}),
        "info": wb.add_format({"font_name": "宋体", "font_size": 10}),
        "head": wb.add_format({"font_name": "宋体", "font_size": 10, "bold": True, "bg_color": "#E8EEF7", "border": 1,
                               "align": "center", "valign": "vcenter", "text_wrap": True}),
        "code": wb.add_format({"font_name": "宋体", "font_size": 10, "border": 1, "num_format": "@"}),
        "name": wb.add_format({"font_name": "宋体", "font_size": 10, "border": 1, "text_wrap": True}),
        "amount": wb.add_format({"font_name": "宋体", "font_size": 10, "border": 1, "align": "right", "num_format": "#,##0.00"}),
        "bad": wb.add_format({"font_name": "宋体", "font_size": 10, "border": 1, "align": "right", "num_format": "#,##0.00",
                              "bg_color": "#FFD7A8"}),
    }
    meta = doc["document"]
    unit = Decimal(1000000)  # 万元 in 分... amounts are 元 strings: 万元 = 元 / 10000
    findings = []
    tables = {t["id"]: t for t in doc["tables"]}
    for tpl in CATALOG:
        t = tables.get(tpl["id"], {"status": "absent", "rows": [], "columns": []})
        ws = wb.add_worksheet(tpl["sheet"])
        cols = [c for c in tpl["columns"] if c["id"] in set(t.get("columns") or []) | {"total"}] or tpl["columns"]
        leads = tpl["leadHeaders"] or [["项目"]]
        width = len(leads) + len(cols)
        ws.merge_range(0, 0, 0, max(width - 1, 1), f"{meta.get('year') or ''}年{tpl['title']}", F["title"])
        ws.write_string(1, 0, "单位名称：" + (meta.get("department") or ""), F["info"])
        ws.write_string(1, max(width - 1, 1), "单位：万元", F["info"])
        depth = max(len(c["header"]) for c in cols) if cols else 1
        for i, h in enumerate(leads):
            ws.merge_range(2, i, 1 + depth, i, h[0], F["head"]) if depth > 1 else ws.write_string(2, i, h[0], F["head"])
        for j, c in enumerate(cols):
            ws.set_column(len(leads) + j, len(leads) + j, c.get("width") or 13)
            for r, h in enumerate(c["header"]):
                ws.write_string(2 + r, len(leads) + j, h, F["head"])
        rows = t.get("rows") or []
        start = 2 + depth
        pos = {r["key"]: start + i for i, r in enumerate(rows)}
        # Children by code prefix (类 ⊃ 款 ⊃ 项) under 合计.
        children = {}
        stack = []
        for r in rows:
            code = r.get("code") or ""
            while stack and not (stack[-1][1] == "" or (code.startswith(stack[-1][1]) and len(code) > len(stack[-1][1]))):
                stack.pop()
            if stack and r.get("kind") in ("classification", "unit", "category", "project"):
                children.setdefault(stack[-1][0], []).append(r["key"])
            if r.get("kind") == "total":
                stack = [(r["key"], "")]
            elif r.get("kind") == "classification":
                stack.append((r["key"], code))
        cached = {}

        def value(key, cid):
            if (key, cid) in cached:
                return cached[(key, cid)]
            row = rows[pos[key] - start]
            kids = [k for k in children.get(key, []) if cid in rows[pos[k] - start]["values"]]
            if kids and cid in row["values"]:
                v = sum(value(k, cid) or Decimal(0) for k in children[key])
            else:
                v = Decimal(row["values"][cid]) / 10000 if cid in row["values"] else None
            cached[(key, cid)] = v
            return v

        for i, r in enumerate(rows):
            ws.write_string(start + i, 0, r.get("code") or "", F["code"]) if len(leads) == 2 else None
            ws.write_string(start + i, len(leads) - 1, r["name"], F["name"])
            for j, c in enumerate(cols):
                cid, cc = c["id"], len(leads) + j
                if cid not in r["values"]:
                    ws.write_blank(start + i, cc, None, F["amount"])
                    continue
                published = Decimal(r["values"][cid]) / 10000
                kids = children.get(r["key"], [])
                if kids and any(cid in rows[pos[k] - start]["values"] for k in kids):
                    v = value(r["key"], cid)
                    refs = ",".join(f"{col(cc)}{pos[k] + 1}" for k in kids)
                    bad = v != published
                    ws.write_formula(start + i, cc, f"=SUM({refs})", F["bad" if bad else "amount"], float(v))
                    if bad:
                        ws.write_comment(start + i, cc, f"公布数：{published:,.2f}\n公式计算：{v:,.2f}")
                        findings.append((tpl["id"], r["key"], cid, published, v))
                else:
                    ws.write_number(start + i, cc, float(published), F["amount"])
        ws.freeze_panes(start, len(leads))
        ws.repeat_rows(0, start - 1)
        ws.set_landscape()
        ws.set_paper(9)
        ws.fit_to_pages(1, 0)
        ws.print_area(0, 0, max(start + len(rows) - 1, 1), width - 1)
    ws = wb.add_worksheet("校验")
    for i, (tid, key, cid, p, v) in enumerate(findings):
        ws.write_row(i, 0, [f"表{tid}", key, cid])
        ws.write_number(i, 3, float(p), F["amount"])
        ws.write_number(i, 4, float(v), F["amount"])
        ws.write_formula(i, 5, f"=D{i + 1}-E{i + 1}", F["amount"], float(p - v))
    ws = wb.add_worksheet("说明")
    for i, (k, v) in enumerate(meta.items()):
        ws.write_string(i, 0, str(k))
        ws.write_string(i, 1, str(v))
    wb.close()


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    out = sys.argv[1]
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        write(doc, os.path.join(out, os.path.splitext(os.path.basename(path))[0] + ".xlsx"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
