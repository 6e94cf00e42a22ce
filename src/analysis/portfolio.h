/*
 * portfolio.h: the programme office's analysis of projects against aims
 * (seed 001, Appendix 2): which project serves which aim and how much,
 * which aims nothing commissioned serves (gaps), and which projects
 * serving the same aim look like the same work (overlaps).
 *
 * Pure: the caller loads aims, projects and contributions into these
 * arrays; nothing here reads a database or prints.
 */
#ifndef WM_PORTFOLIO_H
#define WM_PORTFOLIO_H

#include "base/wm.h"

struct textsim;

enum pf_status {
	PF_PROPOSED,
	PF_COMMISSIONED,
	PF_RUNNING,
	PF_CLOSED,
	PF_DECOMMISSIONED
};

/* "proposed" ... "decommissioned"; -1 for anything else. */
int pf_status_parse(const char *name);
/* Commissioned or running: it is being done. */
bool pf_status_commissioned(enum pf_status s);
/* Not closed or decommissioned: it may still need money, and may duplicate another. */
bool pf_status_live(enum pf_status s);

struct pf_aim {
	const char *key;	/* "TTSC/G1.A1" */
	const char *title;
};

struct pf_project {
	const char *key;
	const char *title;
	const char *description;	/* may be NULL */
	enum pf_status status;
};

struct pf_contrib {
	size_t project;		/* index into projects */
	size_t aim;		/* index into aims */
	double weight;		/* 0..1: how much the project serves the aim */
};

struct pf_input {
	const struct pf_aim *aims;
	size_t naims;
	const struct pf_project *projects;
	size_t nprojects;
	const struct pf_contrib *contribs;
	size_t ncontribs;
	/* an aim whose commissioned projects' weights sum below this is a gap */
	double threshold;
	/* live projects sharing an aim whose texts are at least this alike overlap */
	double similarity;
	/*
	 * More texts to learn word weights from (the plan's own titles and
	 * descriptions, say): the more ordinary text the corpus holds, the
	 * better it knows which words are common. May be NULL.
	 */
	const char *const *background;
	size_t nbackground;
};

enum pf_gap_why {
	PF_GAP_UNSERVED,	/* no commissioned project serves it */
	PF_GAP_WEAK		/* served, but the weights sum under the threshold */
};

struct pf_gap {
	size_t aim;
	enum pf_gap_why why;
	double weight;		/* sum of commissioned projects' weights */
};

#define PF_TERMS_MAX 6

struct pf_overlap {
	size_t a, b;		/* project indexes, a < b */
	double similarity;	/* 0..1, TF-IDF cosine of title and description */
	size_t aims[8];		/* aims both serve (the first 8) */
	size_t naims;		/* how many they both serve */
	const char *terms[PF_TERMS_MAX];	/* the shared words that weigh most */
	size_t nterms;
};

struct pf_result {
	double *matrix;		/* naims x nprojects, row-major; 0 where no contribution */
	double *served;		/* per aim: sum of commissioned projects' weights */
	struct pf_gap *gaps;	/* in aim order */
	size_t ngaps;
	struct pf_overlap *overlaps;	/* most alike first */
	size_t noverlaps;
	struct textsim *corpus;	/* owns the overlaps' terms */
};

/* Analyse; always succeeds. Release the result with pf_result_release(). */
void pf_analyse(const struct pf_input *in, struct pf_result *out);
void pf_result_release(struct pf_result *r);

#endif
