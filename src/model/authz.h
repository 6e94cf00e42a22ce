/*
 * authz.h: who may read and change what. Enforced here, in the library,
 * so that the command line, the API and the pages cannot disagree.
 *
 *   system, admin  everything (only they manage users)
 *   planner        everything but users
 *   lead           progress on the recommendations their posts lead,
 *                  reports on the projects their posts manage (and their
 *                  own updates, for a day after), the status
 *                  of the plan nodes their posts lead, the status and
 *                  completion date of the milestones their posts are
 *                  responsible for, the commentary on the indicators their
 *                  posts own, figures for the units their posts belong to
 *                  (awaiting approval) and for the indicators they own
 *                  (which they approve), and comments
 *   member         reads everything, adds comments
 *   public         reads only what is published
 */
#ifndef WM_AUTHZ_H
#define WM_AUTHZ_H

#include <jansson.h>

#include "base/err.h"
#include "model/ctx.h"
#include "model/kind.h"

/* May this actor read records of this kind at all? */
int authz_read(const struct wm_ctx *ctx, const struct kind *k, struct wm_err *err);
/*
 * The same by the kind's name, as a yes or no: for what a kind's hooks add
 * to its records from another kind (a recommendation's updates, a
 * project's costs), which the actor sees only where they may read that.
 */
bool authz_read_quiet(const struct wm_ctx *ctx, const char *kind);

/*
 * May this actor make this change? before is NULL for an addition and
 * after NULL for a removal; both are records as ent.h gives them. Both
 * are checked. To ask whether an edit form may be offered, give the
 * record as both; a removal, as before alone.
 *
 * A lead officer adds progress updates, date revisions and project
 * reports on what their posts lead, and may change or withdraw one they
 * added for AUTHZ_EDIT_HOURS after (the setting updates.edit_hours says
 * otherwise); anyone else's, or an older one, only a planner may.
 *
 * A lead's update that grades a recommendation met in full leaves it
 * awaiting sign-off (kind.h's FF_SIGNOFF): only Waymark sets that, and only
 * a planner or an administrator clears it, which closes the recommendation.
 */
#define AUTHZ_EDIT_HOURS 24
int authz_write(struct wm_ctx *ctx, const struct kind *k, const json_t *before,
    const json_t *after, struct wm_err *err);

/*
 * Might this actor change some records of this kind (so that a front end
 * offers its forms)? Whether they may make a given change is still
 * authz_write's to say.
 */
bool authz_may_write_kind(const struct wm_ctx *ctx, const struct kind *k);

/*
 * May this actor approve the figures of the indicator with this code: its
 * owner (a lead holding the post that owns it) or a planner? Figures
 * entered by anyone else await approval (measure.h).
 */
bool authz_may_approve(struct wm_ctx *ctx, const char *pi);

/* May this actor read the audit log? (Planners and administrators.) */
int authz_audit(const struct wm_ctx *ctx, struct wm_err *err);

/*
 * Only published records are shown to this actor. A record is published
 * when it is marked so (where its kind has a published field) and so are
 * the records it belongs to, those its key names: a target only with its
 * PI and unit, a recommendation only with its source, a milestone only
 * with its timetable. An unpublished record is answered exactly as one
 * that does not exist, by key, by name and in "did you mean".
 */
bool authz_published_only(const struct wm_ctx *ctx);

/*
 * May the public see any record of this kind? It has a published field,
 * or is shown with what it belongs to (KF_PUBLIC), and so may the kinds
 * its key names. Progress updates, revisions, costs... are not published.
 */
bool authz_public_kind(const struct kind *k);

#endif
