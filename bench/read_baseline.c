/* Read-only floor for the Dockerfile benchmark: walks the folders given and
 * reads every regular file whole, doing nothing else, on one thread. No
 * scanner that reads its input can be faster than this on the same machine.
 *
 * Build: cc -O2 read_baseline.c
 * Usage: read_baseline DIR... ; prints "files bytes". */
#define _XOPEN_SOURCE 700
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <unistd.h>

static unsigned long long g_files, g_bytes;
static char g_buf[1 << 16];

static int visit(const char* path, const struct stat* st, int type, struct FTW* ftw) {
  (void)st;
  (void)ftw;
  if (type != FTW_F) return 0;
  int fd = open(path, O_RDONLY);
  if (fd < 0) return 0;
  ssize_t n;
  while ((n = read(fd, g_buf, sizeof g_buf)) > 0) g_bytes += (unsigned long long)n;
  close(fd);
  ++g_files;
  return 0;
}

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (nftw(argv[i], visit, 32, FTW_PHYS) != 0) {
      fprintf(stderr, "cannot walk %s\n", argv[i]);
      return 2;
    }
  }
  printf("%llu %llu\n", g_files, g_bytes);
  return 0;
}
