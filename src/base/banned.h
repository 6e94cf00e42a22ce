/*
 * banned.h: functions that are too easy to misuse, made into compile errors
 * (after git's banned.h). Use buf_addf / wm_strlcpy / str_to_int64 instead.
 */
#ifndef WM_BANNED_H
#define WM_BANNED_H

#define WM_BANNED(func) sorry_##func##_is_a_banned_function

#undef strcpy
#define strcpy(x, y) WM_BANNED(strcpy)
#undef strcat
#define strcat(x, y) WM_BANNED(strcat)
#undef strncpy
#define strncpy(x, y, n) WM_BANNED(strncpy)
#undef strncat
#define strncat(x, y, n) WM_BANNED(strncat)
#undef sprintf
#define sprintf(...) WM_BANNED(sprintf)
#undef vsprintf
#define vsprintf(...) WM_BANNED(vsprintf)
#undef gets
#define gets(x) WM_BANNED(gets)
#undef atoi
#define atoi(x) WM_BANNED(atoi)
#undef atol
#define atol(x) WM_BANNED(atol)
#undef strtok
#define strtok(x, y) WM_BANNED(strtok)

#endif
