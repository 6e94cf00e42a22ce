/*
 * hooks.h: the per-kind hooks that kinds.c wires into the generic engine.
 * Each is defined beside the rest of its kind's behaviour.
 */
#ifndef WM_HOOKS_H
#define WM_HOOKS_H

#include "model/kind.h"

extern const struct kind_hooks node_hooks;	/* node.c */
extern const struct kind_hooks milestone_hooks;	/* node.c */
extern const struct kind_hooks rec_hooks;	/* rec.c */
extern const struct kind_hooks progress_hooks;	/* rec.c */
extern const struct kind_hooks revision_hooks;	/* rec.c */
extern const struct kind_hooks project_hooks;	/* project.c */
extern const struct kind_hooks user_hooks;	/* misc.c */
extern const struct kind_hooks comment_hooks;	/* misc.c */
extern const struct kind_hooks commentary_hooks;	/* misc.c */
extern const struct kind_hooks alias_hooks;	/* misc.c */
extern const struct kind_hooks setting_hooks;	/* setting.c */

#endif
