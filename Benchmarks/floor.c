/*
 * floor: the fastest a workbook can be written — libxlsxwriter replaying a
 * prepared list of calls (recorded by `gongkai convert --record-calls`), with
 * no parsing of documents and no model. `make bench` compares gongkai with it.
 *
 *   floor OUTDIR FILE.calls...     writes OUTDIR/<name>.xlsx for each FILE
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#define MAX_FIELDS 32
#define MAX_STYLES 4096

static lxw_format *styles[MAX_STYLES];

/* Splits `line` at TABs in place and unescapes each field. */
static int split(char *line, char **fields) {
    int n = 0;
    char *p = line;
    fields[n++] = p;
    for (; *p; p++) {
        if (*p == '\t' && n < MAX_FIELDS) { *p = 0; fields[n++] = p + 1; }
    }
    for (int i = 0; i < n; i++) {
        char *r = fields[i], *w = fields[i];
        for (; *r; r++) {
            if (*r == '\\' && r[1]) {
                r++;
                *w++ = *r == 't' ? '\t' : *r == 'n' ? '\n' : *r == 'r' ? '\r' : *r;
            } else {
                *w++ = *r;
            }
        }
        *w = 0;
    }
    return n;
}

static lxw_format *style(char *id) { int i = atoi(id); return i > 0 && i < MAX_STYLES ? styles[i] : NULL; }

static const uint8_t halign[] = {LXW_ALIGN_NONE, LXW_ALIGN_LEFT, LXW_ALIGN_CENTER, LXW_ALIGN_RIGHT, LXW_ALIGN_FILL,
                                 LXW_ALIGN_JUSTIFY, LXW_ALIGN_CENTER_ACROSS, LXW_ALIGN_DISTRIBUTED};
static const uint8_t valign[] = {LXW_ALIGN_NONE, LXW_ALIGN_VERTICAL_TOP, LXW_ALIGN_VERTICAL_CENTER,
                                 LXW_ALIGN_VERTICAL_JUSTIFY, LXW_ALIGN_VERTICAL_DISTRIBUTED};

static int replay(const char *calls, const char *out) {
    FILE *in = fopen(calls, "r");
    if (!in) { perror(calls); return 1; }
    lxw_workbook_options options = {0};
    lxw_workbook *wb = workbook_new_opt(out, &options);
    lxw_doc_properties props = {0};
    props.created = 1704067200;
    workbook_set_properties(wb, &props);
    memset(styles, 0, sizeof styles);
    lxw_worksheet *ws = NULL;
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    char *f[MAX_FIELDS];
    while ((len = getline(&line, &cap, in)) > 0) {
        if (line[len - 1] == '\n') line[len - 1] = 0;
        int n = split(line, f);
        switch (f[0][0]) {
        case 'T': ws = workbook_add_worksheet(wb, f[1]); break;
        case 'Y': {
            int id = atoi(f[1]);
            if (id <= 0 || id >= MAX_STYLES || n < 14) break;
            lxw_format *fm = workbook_add_format(wb);
            if (*f[2]) format_set_font_name(fm, f[2]);
            if (atof(f[3]) > 0) format_set_font_size(fm, atof(f[3]));
            if (atoi(f[4])) format_set_bold(fm);
            if (atoi(f[5])) format_set_italic(fm);
            if (atol(f[6]) >= 0) format_set_font_color(fm, atol(f[6]) ? (lxw_color_t)atol(f[6]) : LXW_COLOR_BLACK);
            if (atol(f[7]) >= 0) { format_set_pattern(fm, LXW_PATTERN_SOLID); format_set_bg_color(fm, (lxw_color_t)atol(f[7])); }
            if (atoi(f[8])) format_set_border(fm, LXW_BORDER_THIN);
            if (atoi(f[9]) > 0) format_set_align(fm, halign[atoi(f[9]) & 7]);
            if (atoi(f[10]) > 0) format_set_align(fm, valign[atoi(f[10]) % 5]);
            if (atoi(f[11])) format_set_text_wrap(fm);
            if (strcmp(f[12], "@") == 0) format_set_num_format_index(fm, 49);
            else if (*f[12]) format_set_num_format(fm, f[12]);
            if (atoi(f[13]) > 0) format_set_indent(fm, (uint8_t)atoi(f[13]));
            styles[id] = fm;
            break;
        }
        case 'S': worksheet_write_string(ws, atoi(f[1]), atoi(f[2]), f[4], style(f[3])); break;
        case 'N': worksheet_write_number(ws, atoi(f[1]), atoi(f[2]), atof(f[4]), style(f[3])); break;
        case 'F': worksheet_write_formula_num(ws, atoi(f[1]), atoi(f[2]), f[4], style(f[3]), atof(f[5])); break;
        case 'B': worksheet_write_blank(ws, atoi(f[1]), atoi(f[2]), style(f[3])); break;
        case 'U': worksheet_write_url_opt(ws, atoi(f[1]), atoi(f[2]), f[4], style(f[3]), *f[5] ? f[5] : NULL, NULL); break;
        case 'M': worksheet_merge_range(ws, atoi(f[1]), atoi(f[2]), atoi(f[3]), atoi(f[4]), f[6], style(f[5])); break;
        case 'C': {
            lxw_comment_options co = {0};
            co.author = *f[4] ? f[4] : NULL;
            co.width = atoi(f[5]);
            co.height = atoi(f[6]);
            worksheet_write_comment_opt(ws, atoi(f[1]), atoi(f[2]), f[3], &co);
            break;
        }
        case 'W': worksheet_set_column(ws, atoi(f[1]), atoi(f[2]), atof(f[3]), style(f[4])); break;
        case 'H': worksheet_set_row(ws, atoi(f[1]), atof(f[2]), style(f[3])); break;
        case 'Z': worksheet_freeze_panes(ws, atoi(f[1]), atoi(f[2])); break;
        case 'X': worksheet_hide(ws); break;
        case 'L': worksheet_set_landscape(ws); worksheet_set_paper(ws, 9); break;
        case 'P': worksheet_fit_to_pages(ws, atoi(f[1]), atoi(f[2])); break;
        case 'R': worksheet_repeat_rows(ws, atoi(f[1]), atoi(f[2])); break;
        case 'A': worksheet_print_area(ws, atoi(f[1]), atoi(f[2]), atoi(f[3]), atoi(f[4])); break;
        case 'K': {
            lxw_row_t breaks[1024];
            int k = 0;
            for (int i = 1; i < n && k < 1023; i++) breaks[k++] = atoi(f[i]);
            breaks[k] = 0;
            worksheet_set_h_pagebreaks(ws, breaks);
            break;
        }
        }
    }
    free(line);
    fclose(in);
    lxw_error err = workbook_close(wb);
    if (err) { fprintf(stderr, "%s: %s\n", out, lxw_strerror(err)); return 1; }
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: floor OUTDIR FILE.calls...\n"); return 2; }
    int failed = 0;
    for (int i = 2; i < argc; i++) {
        const char *base = strrchr(argv[i], '/');
        base = base ? base + 1 : argv[i];
        char out[4096];
        snprintf(out, sizeof out, "%s/%.*s.xlsx", argv[1], (int)(strlen(base) - (strstr(base, ".calls") ? 6 : 0)), base);
        failed |= replay(argv[i], out);
    }
    return failed;
}
