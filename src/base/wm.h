/*
 * wm.h: the first include of every Waymark source file.
 *
 * It pulls in the standard headers nearly every file wants and then
 * banned.h, so that a banned function used anywhere after it is a compile
 * error. System headers must come before banned.h, which is why they live
 * here rather than being included piecemeal.
 */
#ifndef WM_H
#define WM_H

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/banned.h"

#define WM_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#if defined(__GNUC__)
#define WM_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define WM_NORETURN __attribute__((noreturn))
#else
#define WM_PRINTF(f, a)
#define WM_NORETURN
#endif

#endif
