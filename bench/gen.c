/*
 * gen.c: wm-gen, the benchmark's data set, the same every run.
 *
 * Writes two files for `waymark import`: a Waymark data file (the unit
 * tree, the indicators and the latest financial year's targets) and a
 * long-format figures CSV (pi,unit,period,value,numerator,denominator,flag)
 * of 120 months for every indicator and leaf unit.
 *
 * The tree has three levels: a service at the top, three business groups,
 * and 42 leaf units (32 boroughs under one group, 10 departments under the
 * other two). The size asked for sets the number of indicators, about one
 * per 5,000 rows (500 for 2.5M, 2,000 for 10M), so a bigger set is more
 * indicators over the same tree and years: the shape of a bigger
 * organisation's work, not the same work over a longer history.
 *
 * Indicators cycle through the aggregation rules (sum, ratio, mean,
 * latest), both polarities and now and then none, percent and absolute
 * tolerances. Every figure comes from a pseudo-random generator seeded by
 * the indicator and unit alone, so the files are byte for byte the same on
 * every run and machine (no libm function but round() touches a figure).
 * Some series miss their targets (red), some get worse over the last
 * months, some lack the latest months (rows absent, or flagged
 * not_available) and some latest figures are estimates.
 *
 * This is a tool for bench/run, not part of Waymark: it prints its own
 * errors and exits.
 */
#include "base/wm.h"

#include <errno.h>
#include <inttypes.h>
#include <jansson.h>
#include <math.h>

#define NBOROUGHS 32
#define NDEPTS 10
#define NLEAVES (NBOROUGHS + NDEPTS)
#define NMONTHS 120
#define LAST_YEAR 2004		/* the last month is September 2004 ... */
#define LAST_MONTH 9
#define FYEAR "2004/05"		/* ... in the financial year the targets are for */
#define ROWS_PER_PI (NLEAVES * NMONTHS)

enum agg { SUM, RATIO, MEAN, LATEST };

static const char *const agg_names[] = { "sum", "ratio", "mean", "latest" };

/* Eight indicators in turn: a small set still has every rule. */
static const enum agg agg_cycle[8] = { SUM, RATIO, MEAN, LATEST, SUM, RATIO, MEAN, SUM };

struct pi {
	char code[24];
	enum agg agg;
	const char *polarity;	/* higher, lower, none */
	double tolerance;
	bool percent;
	double level;		/* a typical unit's monthly figure (ratio: the rate) */
	bool worsens;		/* every unit gets worse lately: the service does too */
	bool hard;		/* the service's target is well beyond the units': red */
};

struct unit {
	char ref[8];
	double size;		/* relative size: a borough of 250,000 residents is 1 */
};

/* splitmix64: small, fast and the same everywhere. */
static uint64_t
next(uint64_t *s)
{
	uint64_t z = (*s += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

/* Uniform in [0, 1). */
static double
unif(uint64_t *s)
{
	return (double)(next(s) >> 11) / 9007199254740992.0;
}

static uint64_t
seed_of(size_t pi, size_t unit)
{
	uint64_t s = 0x5741594D41524BULL ^ ((uint64_t)pi << 20) ^ (uint64_t)unit;

	next(&s);
	return s;
}

/* "2.5M", "10M", "100k", "20000": rows; 0 when it is not a size. */
static uint64_t
parse_size(const char *text)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(text, &end);
	if (errno != 0 || end == text || !(v > 0))
		return 0;
	if (*end == 'k' || *end == 'K')
		v *= 1e3, end++;
	else if (*end == 'm' || *end == 'M')
		v *= 1e6, end++;
	if (*end != '\0' || v > 1e10)
		return 0;
	return (uint64_t)v;
}

static void
make_pis(struct pi *pis, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct pi *p = &pis[i];
		uint64_t s = seed_of(i, 999);

		snprintf(p->code, sizeof(p->code), "BP-%04zu", i + 1);
		p->agg = agg_cycle[i % 8];
		p->polarity = i % 20 == 19 ? "none" : i % 2 == 0 ? "lower" : "higher";
		p->percent = i % 3 != 2;
		p->worsens = i % 13 == 5;
		p->hard = i % 7 == 3;
		switch (p->agg) {
		case SUM:
			p->level = 50 + 950 * unif(&s);
			break;
		case RATIO:
			p->level = 5 + 60 * unif(&s);	/* per 1,000 residents a year */
			break;
		case MEAN:
			p->level = 40 + 50 * unif(&s);	/* a score or a percentage */
			break;
		case LATEST:
			p->level = 200 + 800 * unif(&s);	/* a head count */
			break;
		}
		p->tolerance = p->percent ? (double)(2 + i % 9) : round(p->level * 0.05 * 10) / 10;
	}
}

static void
make_units(struct unit *u)
{
	for (size_t i = 0; i < NLEAVES; i++) {
		uint64_t s = seed_of(0, i + 1000);

		if (i < NBOROUGHS)
			snprintf(u[i].ref, sizeof(u[i].ref), "B%02zu", i + 1);
		else
			snprintf(u[i].ref, sizeof(u[i].ref), "D%02zu", i - NBOROUGHS + 1);
		u[i].size = 0.6 + 0.8 * unif(&s);
	}
}

/* What a series does: its level, drift, and what goes wrong with it. */
struct series {
	double level;		/* where it starts */
	double drift;		/* per month, as a fraction of level */
	double noise;		/* as a fraction */
	bool worsens;		/* the last four months go the wrong way */
	int absent;		/* the last months with no row at all */
	int unavailable;	/* the last months flagged not_available */
	bool estimate;		/* the latest figure is an estimate */
	bool misses;		/* the target is set well beyond its figures: red */
};

static void
make_series(const struct pi *p, const struct unit *u, uint64_t *s, struct series *sr)
{
	double r = unif(s);

	sr->level = p->level * (p->agg == SUM || p->agg == LATEST ? u->size : 1) *
	    (0.8 + 0.4 * unif(s));
	sr->drift = (unif(s) - 0.5) * 0.004;
	sr->noise = 0.02 + 0.04 * unif(s);
	sr->worsens = p->worsens || r < 0.05;
	sr->absent = r >= 0.05 && r < 0.054 ? 1 + (int)(unif(s) * 3) : 0;
	sr->unavailable = r >= 0.054 && r < 0.058 ? 1 + (int)(unif(s) * 2) : 0;
	sr->estimate = r >= 0.058 && r < 0.066;
	sr->misses = unif(s) < 0.10;
}

/* Month m (0 is the first) as text: 1994-10 ... 2004-09. */
static void
month_text(int m, char *out, size_t len)
{
	int abs = LAST_YEAR * 12 + (LAST_MONTH - 1) - (NMONTHS - 1) + m;

	snprintf(out, len, "%04d-%02d", abs / 12, abs % 12 + 1);
}

/* The figure for month m, before any rounding. */
static double
figure(const struct pi *p, const struct series *sr, int m, uint64_t *s)
{
	/* a seasonal swing of 5%, a table rather than sin() so no libm differs */
	static const double swing[12] = { 0, .025, .0433, .05, .0433, .025, 0, -.025, -.0433,
		-.05, -.0433, -.025 };
	double season = 1 + swing[m % 12];
	double v = sr->level * (1 + sr->drift * m) * season * (1 + sr->noise * (unif(s) - 0.5));
	double worse = strcmp(p->polarity, "higher") == 0 ? -1 : 1;

	if (sr->worsens && m >= NMONTHS - 4)
		v *= 1 + worse * 0.08 * (m - (NMONTHS - 5));
	return v < 0 ? 0 : v;
}

/* Write one indicator's rows for one unit; *rows counts them. */
static int
write_series(FILE *f, const struct pi *p, const struct unit *u, const struct series *sr,
    uint64_t *s, double *year_sum, int *year_n, uint64_t *rows)
{
	char period[16];

	*year_sum = 0;
	*year_n = 0;
	for (int m = 0; m < NMONTHS; m++) {
		double v = figure(p, sr, m, s);
		const char *flag = "";
		int last = NMONTHS - 1 - m;	/* 0 for the latest month */

		if (last < sr->absent)
			continue;
		month_text(m, period, sizeof(period));
		if (last < sr->unavailable) {
			fprintf(f, "%s,%s,%s,,,,not_available\n", p->code, u->ref, period);
			(*rows)++;
			continue;
		}
		if (sr->estimate && last == 0)
			flag = "estimate";
		if (last < LAST_MONTH - 3) {	/* April to now: this financial year */
			*year_sum += v;
			(*year_n)++;
		}
		switch (p->agg) {
		case RATIO: {
			double den = round(20000 * u->size);	/* a twelfth of the residents, /1000 */
			double num = round(v * den / 1000);

			fprintf(f, "%s,%s,%s,%.3f,%.0f,%.0f,%s\n", p->code, u->ref, period,
			    num / den * 1000, num, den, flag);
			break;
		}
		case MEAN:
			fprintf(f, "%s,%s,%s,%.2f,,,%s\n", p->code, u->ref, period, v, flag);
			break;
		default:
			fprintf(f, "%s,%s,%s,%.0f,,,%s\n", p->code, u->ref, period, round(v), flag);
			break;
		}
		(*rows)++;
	}
	return ferror(f) ? -1 : 0;
}

/*
 * This year's target from what the series did so far this year: a little
 * better than that (met, most of the time), or well beyond it (missed).
 */
static double
target_of(const struct pi *p, const struct series *sr, double year_sum, int year_n)
{
	double mean = year_n > 0 ? year_sum / year_n : sr->level;
	double better = strcmp(p->polarity, "higher") == 0 ? 1 : -1;
	double t = mean * (1 + better * (sr->misses ? 0.25 : -0.03));

	if (p->agg == SUM)
		t *= 12;	/* a year's total: the year to date is judged pro rata */
	return round(t * 100) / 100;
}

static json_t *
setup_units(const struct unit *u)
{
	json_t *a = json_array();

	json_array_append_new(a, json_pack("{s:s, s:s, s:s}", "ref", "SVC", "name",
	    "Bench Service", "kind", "service"));
	json_array_append_new(a, json_pack("{s:s, s:s, s:s, s:s}", "ref", "BG-TP", "name",
	    "Territorial", "kind", "business_group", "parent", "SVC"));
	json_array_append_new(a, json_pack("{s:s, s:s, s:s, s:s}", "ref", "BG-SO", "name",
	    "Specialist", "kind", "business_group", "parent", "SVC"));
	json_array_append_new(a, json_pack("{s:s, s:s, s:s, s:s}", "ref", "BG-RS", "name",
	    "Resources", "kind", "business_group", "parent", "SVC"));
	for (size_t i = 0; i < NLEAVES; i++) {
		char name[32];
		bool borough = i < NBOROUGHS;

		snprintf(name, sizeof(name), "%s %s", borough ? "Borough" : "Department",
		    u[i].ref + 1);
		json_array_append_new(a, json_pack("{s:s, s:s, s:s, s:s}", "ref", u[i].ref,
		    "name", name, "kind", borough ? "ocu" : "department", "parent",
		    borough ? "BG-TP" : i < NBOROUGHS + NDEPTS / 2 ? "BG-SO" : "BG-RS"));
	}
	return a;
}

static json_t *
setup_pis(const struct pi *pis, size_t n)
{
	json_t *a = json_array();

	for (size_t i = 0; i < n; i++) {
		const struct pi *p = &pis[i];
		char title[64];
		json_t *o;

		snprintf(title, sizeof(title), "Bench indicator %zu (%s)", i + 1, agg_names[p->agg]);
		o = json_pack("{s:s, s:s, s:s, s:s, s:s, s:f, s:s, s:i, s:b}", "code", p->code,
		    "title", title, "polarity", p->polarity, "frequency", "monthly", "aggregation",
		    agg_names[p->agg], "tolerance", p->tolerance, "tolerance_kind",
		    p->percent ? "percent" : "absolute", "decimals", p->agg == SUM ? 0 : 1,
		    "published", 1);
		if (p->agg == RATIO) {
			json_object_set_new(o, "scale", json_real(1000));
			json_object_set_new(o, "measure_unit", json_string("per 1,000 residents"));
		}
		json_array_append_new(a, o);
	}
	return a;
}

static int
generate(uint64_t size, const char *setup_path, const char *csv_path)
{
	size_t npis = (size_t)((size + 2500) / 5000);
	struct unit units[NLEAVES];
	struct pi *pis;
	json_t *setup, *targets;
	FILE *f;
	uint64_t rows = 0;
	int rc = 0;

	if (npis == 0)
		npis = 1;
	pis = calloc(npis, sizeof(*pis));
	if (pis == NULL)
		return -1;
	make_pis(pis, npis);
	make_units(units);
	f = fopen(csv_path, "w");
	if (f == NULL) {
		fprintf(stderr, "wm-gen: %s: %s\n", csv_path, strerror(errno));
		free(pis);
		return -1;
	}
	setvbuf(f, NULL, _IOFBF, 1 << 20);
	fputs("pi,unit,period,value,numerator,denominator,flag\n", f);
	targets = json_array();
	for (size_t i = 0; i < npis && rc == 0; i++) {
		double top = 0;	/* the service's target: the leaves' sum, or their mean */

		for (size_t j = 0; j < NLEAVES && rc == 0; j++) {
			uint64_t s = seed_of(i, j);
			struct series sr;
			double year_sum, t;
			int year_n;

			make_series(&pis[i], &units[j], &s, &sr);
			rc = write_series(f, &pis[i], &units[j], &sr, &s, &year_sum, &year_n, &rows);
			t = target_of(&pis[i], &sr, year_sum, year_n);
			top += t;
			json_array_append_new(targets, json_pack("{s:s, s:s, s:s, s:f}", "pi",
			    pis[i].code, "unit", units[j].ref, "period", FYEAR, "value", t));
		}
		if (pis[i].agg == MEAN || pis[i].agg == RATIO)
			top /= NLEAVES;
		if (pis[i].hard)
			top *= strcmp(pis[i].polarity, "higher") == 0 ? 1.15 : 0.85;
		json_array_append_new(targets, json_pack("{s:s, s:s, s:s, s:f}", "pi", pis[i].code,
		    "unit", "SVC", "period", FYEAR, "value", round(top * 100) / 100));
	}
	if (fclose(f) != 0 || rc != 0) {
		fprintf(stderr, "wm-gen: %s: %s\n", csv_path, strerror(errno));
		json_decref(targets);
		free(pis);
		return -1;
	}
	setup = json_pack("{s:s, s:i, s:s, s:o, s:o, s:o}", "format", "waymark-data", "version", 1,
	    "comment", "The benchmark's units, indicators and targets, made by bench/wm-gen.",
	    "units", setup_units(units), "pis", setup_pis(pis, npis), "targets", targets);
	if (json_dump_file(setup, setup_path, JSON_INDENT(1)) != 0) {
		fprintf(stderr, "wm-gen: %s: cannot write\n", setup_path);
		rc = -1;
	}
	json_decref(setup);
	free(pis);
	if (rc == 0)
		printf("%zu indicators, %d units, %" PRIu64 " rows\n", npis, NLEAVES + 4, rows);
	return rc;
}

int
main(int argc, char **argv)
{
	uint64_t size = 2500000;
	int i = 1;

	if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		printf("usage: wm-gen [--size 2.5M|10M|N] SETUP.json FIGURES.csv\n\n"
		    "Writes the benchmark's data set: SETUP.json (units, indicators and\n"
		    "targets, a Waymark data file) and FIGURES.csv (monthly figures, long\n"
		    "format). About one indicator per 5,000 rows; 120 months, 42 leaf units.\n"
		    "The same size always gives the same files.\n");
		return 0;
	}
	if (argc > 2 && strcmp(argv[1], "--size") == 0) {
		size = parse_size(argv[2]);
		if (size == 0) {
			fprintf(stderr, "wm-gen: --size \"%s\" is not a size (2.5M, 10M, 100k, "
			    "20000)\n", argv[2]);
			return 2;
		}
		i = 3;
	}
	if (argc - i != 2) {
		fprintf(stderr, "usage: wm-gen [--size 2.5M|10M|N] SETUP.json FIGURES.csv\n");
		return 2;
	}
	return generate(size, argv[i], argv[i + 1]) == 0 ? 0 : 1;
}
