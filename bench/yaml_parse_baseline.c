/* Parse-only baseline for the scan benchmark: walks the folders given, reads
 * every .yaml/.yml file whole and runs libyaml's parser over it to the end of
 * the event stream, doing nothing else, on one thread. It is the floor a YAML
 * scanner built on libyaml cannot go below (no tree, no rules, no output).
 *
 * Build: cc -O2 yaml_parse_baseline.c $(pkg-config --cflags --libs yaml-0.1)
 * Usage: yaml_parse_baseline DIR... ; prints "files bytes events errors". */
#define _XOPEN_SOURCE 700
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

static unsigned long long g_files, g_bytes, g_events, g_errors;
static unsigned char* g_buf;
static size_t g_cap;

static int has_suffix(const char* s, const char* suffix) {
  size_t n = strlen(s), m = strlen(suffix);
  return n >= m && strcmp(s + n - m, suffix) == 0;
}

static void parse_buffer(const unsigned char* data, size_t size) {
  yaml_parser_t parser;
  yaml_parser_initialize(&parser);
  yaml_parser_set_input_string(&parser, data, size);
  for (;;) {
    yaml_event_t ev;
    if (!yaml_parser_parse(&parser, &ev)) {
      ++g_errors;
      break;
    }
    ++g_events;
    int done = ev.type == YAML_STREAM_END_EVENT;
    yaml_event_delete(&ev);
    if (done) break;
  }
  yaml_parser_delete(&parser);
}

static int visit(const char* path, const struct stat* st, int type, struct FTW* ftw) {
  (void)ftw;
  if (type != FTW_F || !(has_suffix(path, ".yaml") || has_suffix(path, ".yml"))) return 0;
  size_t size = (size_t)st->st_size;
  if (size + 1 > g_cap) {
    g_cap = size + 1;
    g_buf = realloc(g_buf, g_cap);
    if (!g_buf) return 1;
  }
  FILE* f = fopen(path, "rb");
  if (!f) {
    ++g_errors;
    return 0;
  }
  size_t got = fread(g_buf, 1, size, f);
  fclose(f);
  ++g_files;
  g_bytes += got;
  parse_buffer(g_buf, got);
  return 0;
}

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (nftw(argv[i], visit, 32, FTW_PHYS) != 0) {
      fprintf(stderr, "cannot walk %s\n", argv[i]);
      return 2;
    }
  }
  printf("%llu %llu %llu %llu\n", g_files, g_bytes, g_events, g_errors);
  free(g_buf);
  return 0;
}
