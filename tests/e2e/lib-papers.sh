# lib-papers.sh: what the paper tests (t7000, t7001) read papers back with.
#
# PY: a Python with openpyxl to read workbooks (python3-openpyxl:
# scripts/install-deps --test), or empty; xlsx FILE prints its cells.
PY=""
for p in python3 /usr/bin/python3; do
	if command -v "$p" >/dev/null 2>&1 && "$p" -c "import openpyxl" 2>/dev/null; then
		PY=$p
		break
	fi
done
xlsx() { "$PY" "$SRCDIR/tests/e2e/read-xlsx.py" "$1"; }
