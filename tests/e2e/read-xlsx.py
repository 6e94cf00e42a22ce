"""read-xlsx.py: a workbook Waymark wrote, as lines the tests can grep.

    python3 tests/e2e/read-xlsx.py FILE.xlsx

For each sheet, "sheet NAME frozen=CELL rows=N"; then each cell that holds
something, "CELL TYPE VALUE | FORMAT | FILL", tab-separated, where TYPE is
what Excel stores: n (number), d (date), s (text), b (true/false), f (a
formula, which Waymark must never write).
"""
import sys

import openpyxl

wb = openpyxl.load_workbook(sys.argv[1])
for ws in wb.worksheets:
    print(f"sheet\t{ws.title}\tfrozen={ws.freeze_panes}\trows={ws.max_row}")
    for row in ws.iter_rows():
        for c in row:
            if c.value is None:
                continue
            t = c.data_type
            if c.is_date:
                t = "d"
            fill = c.fill.fgColor.rgb if c.fill and c.fill.fill_type == "solid" else ""
            value = c.value.date().isoformat() if t == "d" else c.value
            print(f"{c.coordinate}\t{t}\t{value}\t{c.number_format}\t{fill}")
