#!/usr/bin/env python3
"""datacompy_route.py A.csv B.csv — datacompy (pandas) comparing two keyed
tables, what an analyst would use instead of gongkai diff. Times only the
load and the comparison."""
import sys
import pandas as pd
import datacompy

a = pd.read_csv(sys.argv[1], dtype={"key": str})
b = pd.read_csv(sys.argv[2], dtype={"key": str})
Compare = getattr(datacompy, "Compare", None) or datacompy.PandasCompare  # renamed in datacompy 1.x
cmp = Compare(a, b, join_columns=["table", "key"], abs_tol=0, rel_tol=0)
print(cmp.matches(), len(cmp.intersect_rows), len(cmp.df1_unq_rows), len(cmp.df2_unq_rows))
