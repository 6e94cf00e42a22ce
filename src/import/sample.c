/*
 * sample.c: the bundled sample.
 *
 * The sample is two files built into the binary (data/sample/sample.json,
 * the planning system as the seed papers describe it, and performance.json,
 * illustrative indicators) and three years of monthly borough figures and
 * yearly targets made here. The figures come from a fixed pseudo-random
 * series per indicator and borough, so every run makes the same numbers
 * and loading the sample twice changes nothing.
 *
 * The figures are shaped to show what the reports must handle: boroughs
 * improving and deteriorating, figures not available and estimated, a
 * quarterly survey, an indicator kept only for the Service as a whole, one
 * with figures but no targets, and a year in which the Service's target
 * does not equal the sum of the boroughs' (seed 000, R8).
 */
#include "base/wm.h"

#include <math.h>

#include "base/buf.h"
#include "base/embed.h"
#include "base/period.h"
#include "import/import.h"
#include "import/sample.h"
#include "model/ent.h"
#include "model/kind.h"
#include "model/measure.h"
#include "store/store.h"

extern const struct embedded_file sample_files[];

#define FIRST_YEAR 2002		/* figures run April 2002 ... */
#define NYEARS 3		/* ... to March 2005 */
#define MONTHS (NYEARS * 12)
#define SERVICE "MPS"

enum shape {
	COUNT,		/* a monthly count: level per 100,000 residents a month */
	RATE_POP,	/* annualised rate per 1,000 residents: level */
	RATE_HH,	/* annualised rate per 1,000 households: level */
	SHARE,		/* a percentage of a monthly count: level % of base per 100,000 */
	PER_OFFICER,	/* annualised per officer (x scale): level */
	MEAN,		/* a plain figure averaged over units: level */
	STOCK		/* a head count: level per 100,000 residents */
};

struct series {
	const char *code;
	enum shape shape;
	double level;	/* see enum shape */
	double base;	/* SHARE: denominator per 100,000 residents a month */
	double scale;	/* the PI's scale */
	double noise;	/* month-to-month noise, as a fraction */
	double season;	/* seasonal swing, as a fraction */
	bool higher;	/* higher is better: targets rise */
	bool quarterly;
	bool service_only;
	bool targets;
};

static const struct series series[] = {
	{ "SC-00", COUNT, 900, 0, 1, 0.04, 0.06, false, false, false, true },
	{ "SC-01", RATE_HH, 28, 0, 1000, 0.08, 0.10, false, false, false, true },
	{ "SC-02", RATE_POP, 24, 0, 1000, 0.06, 0.08, false, false, false, true },
	{ "SC-03", RATE_POP, 19, 0, 1000, 0.07, 0.05, false, false, false, true },
	{ "SC-04", COUNT, 55, 0, 1, 0.10, 0.12, false, false, false, true },
	{ "SC-05", SHARE, 62, 60, 100, 0.03, 0.04, true, true, false, true },
	{ "CT-01", SHARE, 93, 40, 100, 0.02, 0.00, true, false, true, true },
	{ "CJ-01", SHARE, 14, 900, 100, 0.06, 0.03, true, false, false, true },
	{ "CJ-02", COUNT, 95, 0, 1, 0.07, 0.05, true, false, false, true },
	{ "WF-01", SHARE, 6.5, 330, 100, 0.01, 0.00, true, false, false, true },
	{ "WF-02", PER_OFFICER, 9.5, 0, 1, 0.09, 0.15, false, false, false, true },
	{ "RD-01", SHARE, 86, 650, 100, 0.03, 0.04, true, false, false, true },
	{ "RD-02", MEAN, 11.5, 0, 1, 0.05, 0.06, false, false, false, true },
	{ "RD-03", STOCK, 330, 0, 1, 0.002, 0.00, true, false, false, false },
	{ "XX-01", PER_OFFICER, 11, 0, 100, 0.12, 0.05, false, false, false, false },
};

/* splitmix64: small, fast, and the same on every machine. */
static uint64_t
next_u64(uint64_t *s)
{
	uint64_t z = (*s += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

static double
uniform(uint64_t *s)
{
	return (double)(next_u64(s) >> 11) / 9007199254740992.0;
}

/* Roughly normal, mean 0 and deviation 1: the sum of four uniforms. */
static double
gauss(uint64_t *s)
{
	return (uniform(s) + uniform(s) + uniform(s) + uniform(s) - 2.0) * 1.732;
}

static uint64_t
seed_of(const char *a, const char *b)
{
	uint64_t h = 1469598103934665603ULL;

	for (; *a != '\0'; a++)
		h = (h ^ (unsigned char)*a) * 1099511628211ULL;
	h = (h ^ '/') * 1099511628211ULL;
	for (; *b != '\0'; b++)
		h = (h ^ (unsigned char)*b) * 1099511628211ULL;
	return h;
}

/* What stays the same for a borough: its size and its direction of travel. */
struct borough {
	const char *key;
	double pop;	/* residents */
	double level;	/* this borough's level relative to London's */
};

/* Per series, per borough: how quickly it changes (a fraction a year; + means rising). */
static double
trend_of(const struct series *sr, const struct borough *b, uint64_t *s)
{
	double t = (uniform(s) - 0.55) * 0.12;

	/* Two boroughs whose violence is rising fast: red and deteriorating. */
	if (strcmp(sr->code, "SC-02") == 0 &&
	    (strcmp(b->key, "Newham") == 0 || strcmp(b->key, "Lambeth") == 0))
		t = 0.16;
	return sr->higher ? -t * 0.5 : t;
}

struct cell {
	bool has_value;
	double value, num, den;
	bool ratio;
	const char *flag;
	const char *note;
};

/* The figure for month m (0 = April of FIRST_YEAR) of one series in one borough. */
static void
make_cell(const struct series *sr, const struct borough *b, double trend, int m, uint64_t *s,
    struct cell *c)
{
	int month = (m + 3) % 12 + 1;
	double f = b->level * (1 + trend * m / 12.0) *
	    (1 + sr->season * cos(2 * M_PI * (month - 1) / 12.0)) *
	    (1 + sr->noise * gauss(s));
	double per100k = b->pop / 100000.0, officers = b->pop * 330 / 100000.0;

	memset(c, 0, sizeof(*c));
	c->has_value = true;
	c->flag = "actual";
	switch (sr->shape) {
	case COUNT:
		c->value = round(sr->level * per100k * f);
		break;
	case STOCK:
		c->value = round(sr->level * per100k * (1 + trend * m / 12.0));
		break;
	case MEAN:
		c->value = round(sr->level * f * 10) / 10;
		break;
	case RATE_POP:
	case RATE_HH:
	case PER_OFFICER:
		c->ratio = true;
		c->den = sr->shape == RATE_POP ? b->pop / 12 :
		    sr->shape == RATE_HH ? round(b->pop / 2.35) / 12 : round(officers) / 12;
		c->den = round(c->den * 100) / 100;
		c->num = round(sr->level * f * c->den / sr->scale);
		break;
	case SHARE:
		c->ratio = true;
		c->den = round(sr->base * per100k * (sr->quarterly ? 0.25 : 1) *
		    (1 + 0.05 * gauss(s)));
		if (c->den < 10)
			c->den = 10;
		c->num = round(c->den * fmin(0.995, sr->level / 100 * (2 - f)));
		break;
	}
	if (c->ratio)
		c->value = c->num / c->den * sr->scale;
}

/* A yearly target: this borough's expected level for the year, a little better each year. */
static double
target_of(const struct series *sr, const struct borough *b, int year)
{
	double better = 1 + (sr->higher ? 0.005 : -0.01) * (year + 1);
	double per100k = b->pop / 100000.0;

	switch (sr->shape) {
	case COUNT:
		return round(sr->level * per100k * b->level * 12 * better);
	case SHARE:
		return round(fmin(99, sr->level * (2 - b->level) + (sr->higher ? 0.25 : -0.25) *
		    (year + 1)) * 10) / 10;
	default:
		return round(sr->level * b->level * better * 10) / 10;
	}
}

static void
fy_text(int year, char *out)
{
	struct period p = { PERIOD_FYEAR, FIRST_YEAR + year, 0 };

	period_format(&p, out);
}

static void
period_text(const struct series *sr, int m, char *out)
{
	struct period p = { PERIOD_MONTH, FIRST_YEAR + (m + 3) / 12, (m + 3) % 12 + 1 };

	if (sr->quarterly)
		p = (struct period){ PERIOD_QUARTER, p.year, (p.n - 1) / 3 + 1 };
	period_format(&p, out);
}

/* Where the sample shows figures that are missing, estimated or provisional. */
static void
mark_quality(const struct series *sr, const struct borough *b, int m, struct cell *c)
{
	if (strcmp(sr->code, "SC-01") == 0 && strcmp(b->key, "Hackney") == 0 && m >= MONTHS - 2) {
		c->has_value = c->ratio = false;
		c->flag = "not_available";
		c->note = "Home Office has not released data";
	} else if (strcmp(sr->code, "CJ-02") == 0 && strcmp(b->key, "Southwark") == 0 &&
	    m >= MONTHS - 3) {
		c->flag = "estimate";
		c->note = "Court results incomplete; estimated from the previous quarter";
	} else if (strcmp(sr->code, "RD-01") == 0 && m == MONTHS - 1) {
		c->flag = "provisional";
	}
}

static int
write_series(struct meas_writer *mw, struct meas_writer *tw, const struct series *sr,
    const struct borough *b, json_t *service_targets, struct wm_err *err)
{
	uint64_t s = seed_of(sr->code, b->key);
	double trend = trend_of(sr, b, &s);
	struct meas_row row;
	struct cell c;
	char period[PERIOD_LEN];
	int changed, rc;

	for (int m = 0; m < MONTHS; m += sr->quarterly ? 3 : 1) {
		make_cell(sr, b, trend, m, &s, &c);
		mark_quality(sr, b, m, &c);
		period_text(sr, m, period);
		row = (struct meas_row){ sr->code, b->key, period, c.has_value, c.value, c.ratio,
			c.num, c.den, c.flag, false, 0, c.note, false, false };
		if ((rc = meas_writer_put(mw, &row, &changed, err)) != 0)
			return rc;
	}
	if (!sr->targets)
		return 0;
	for (int y = 0; y < NYEARS; y++) {
		double t = target_of(sr, b, y);
		json_t *sum;

		fy_text(y, period);
		row = (struct meas_row){ sr->code, b->key, period, true, t, false, 0, 0, NULL, false,
			0, NULL, false, false };
		if ((rc = meas_writer_put(tw, &row, &changed, err)) != 0)
			return rc;
		/* Keep the Service's target: a sum, or a population-weighted mean. */
		sum = json_object_get(service_targets, period);
		if (sum == NULL) {
			sum = json_pack("[f, f]", 0.0, 0.0);
			json_object_set_new(service_targets, period, sum);
		}
		json_array_set_new(sum, 0, json_real(json_real_value(json_array_get(sum, 0)) +
		    (sr->shape == COUNT ? t : t * b->pop)));
		json_array_set_new(sum, 1, json_real(json_real_value(json_array_get(sum, 1)) + b->pop));
	}
	return 0;
}

static int
write_service_targets(struct meas_writer *tw, const struct series *sr, json_t *totals,
    struct wm_err *err)
{
	const char *period;
	json_t *v;
	int changed, rc;

	json_object_foreach(totals, period, v) {
		double sum = json_real_value(json_array_get(v, 0));
		double pop = json_real_value(json_array_get(v, 1));
		double t = sr->shape == COUNT ? sum : round(sum / pop * 10) / 10;
		struct meas_row row;

		/* The 2004/05 street crime target was set apart from the boroughs' (seed 000, R8). */
		if (strcmp(sr->code, "SC-04") == 0 && strcmp(period, "2004/05") == 0)
			t -= 400;
		row = (struct meas_row){ sr->code, SERVICE, period, true, t, false, 0, 0, NULL, false,
			0, NULL, false, false };
		if ((rc = meas_writer_put(tw, &row, &changed, err)) != 0)
			return rc;
	}
	return 0;
}

/* The OCUs in the sample, with a size and level of their own. */
static int
load_boroughs(struct wm_ctx *ctx, json_t **hold, struct borough **out, size_t *n,
    struct wm_err *err)
{
	struct ent_query q = { .raw = true };
	json_t *where = json_pack("{s:s}", "kind", "ocu"), *row;
	struct borough *b;
	size_t i;
	int rc;

	q.where = where;
	rc = ent_list(ctx, kind_find("units"), &q, hold, err);
	json_decref(where);
	if (rc != 0)
		return rc;
	*n = json_array_size(*hold);
	if (*n == 0)
		return wm_error(err, WM_EINVAL, "the sample has no OCUs to give figures to");
	b = calloc(*n, sizeof(*b));
	if (b == NULL)
		return wm_error(err, WM_EINTERNAL, "out of memory");
	json_array_foreach(*hold, i, row) {
		uint64_t s;

		b[i].key = json_string_value(json_object_get(row, "ref"));
		s = seed_of("borough", b[i].key);
		b[i].pop = round(160000 + 170000 * uniform(&s));
		b[i].level = 0.75 + 0.5 * uniform(&s);
	}
	*out = b;
	return 0;
}

static int
generate(struct wm_ctx *ctx, json_t *summary, struct wm_err *err)
{
	struct meas_writer *mw = NULL, *tw = NULL;
	struct borough *boroughs = NULL, service = { SERVICE, 0, 1.0 };
	json_t *hold = NULL;
	size_t nb = 0;
	int rc;

	if ((rc = load_boroughs(ctx, &hold, &boroughs, &nb, err)) != 0)
		goto out;
	for (size_t i = 0; i < nb; i++)
		service.pop += boroughs[i].pop;
	if ((rc = meas_writer_open(ctx, MEAS_MEASUREMENTS, "sample", &mw, err)) != 0 ||
	    (rc = meas_writer_open(ctx, MEAS_TARGETS, "sample", &tw, err)) != 0)
		goto out;
	for (size_t k = 0; k < WM_ARRAY_LEN(series); k++) {
		const struct series *sr = &series[k];
		json_t *totals = json_object();

		if (sr->service_only) {
			rc = write_series(mw, tw, sr, &service, totals, err);
		} else {
			for (size_t i = 0; i < nb && rc == 0; i++)
				rc = write_series(mw, tw, sr, &boroughs[i], totals, err);
			if (rc == 0 && sr->targets)
				rc = write_service_targets(tw, sr, totals, err);
		}
		json_decref(totals);
		if (rc != 0)
			goto out;
	}
	rc = meas_writer_close(mw, summary, err);
	mw = NULL;
	if (rc == 0)
		rc = meas_writer_close(tw, summary, err);
	tw = NULL;
out:
	meas_writer_free(mw);
	meas_writer_free(tw);
	free(boroughs);
	json_decref(hold);
	return rc;
}

int
sample_load(struct wm_ctx *ctx, json_t **report, struct wm_err *err)
{
	static const char *const files[] = { "sample.json", "performance.json" };
	struct import_opts opts = { 0 };
	json_t *rep = import_report_new("sample"), *summary = json_object();
	int rc;

	*report = NULL;
	if ((rc = store_begin(ctx->st, err)) != 0)
		goto out;
	for (size_t i = 0; i < WM_ARRAY_LEN(files); i++) {
		const struct embedded_file *f = embed_find(sample_files, files[i]);
		json_t *part = NULL;

		if (f == NULL) {
			rc = wm_error(err, WM_EINTERNAL, "the sample's %s is not built in", files[i]);
			break;
		}
		rc = import_data(ctx, files[i], (const char *)f->data, f->len, &opts, &part, err);
		if (rc == 0) {
			const char *g;
			json_t *counts, *ks;

			json_object_foreach(part, g, counts) {
				const char *kind;
				json_t *n;

				if (!json_is_object(counts))
					continue;
				ks = json_object_get(rep, g);
				json_object_foreach(counts, kind, n)
					json_object_set_new(ks, kind, json_integer(json_integer_value(n) +
					    json_integer_value(json_object_get(ks, kind))));
			}
		}
		json_decref(part);
		if (rc != 0)
			break;
	}
	if (rc == 0 && (rc = generate(ctx, summary, err)) == 0)
		import_report_counts(rep, summary);
	if (rc != 0) {
		store_rollback(ctx->st, rc);
		goto out;
	}
	if ((rc = store_commit(ctx->st, err)) != 0)
		goto out;
	json_array_append_new(json_object_get(rep, "kinds"), json_string("waymark-data"));
	*report = rep;
	rep = NULL;
out:
	json_decref(rep);
	json_decref(summary);
	return rc;
}
