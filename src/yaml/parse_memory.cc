#include "yaml/parse_memory.h"

#if VERN_PARSE_MEMORY

#include <sys/mman.h>

#include <cstdint>
#include <cstring>

// The linker sends libyaml's (and only statically linked code's) calls of
// malloc, realloc and free to the __wrap_ functions; __real_ reaches the
// system's. Shared libraries, the C++ runtime's operator new included, are
// not affected.
extern "C" {
void* __real_malloc(std::size_t size);
void* __real_realloc(void* p, std::size_t size);
void __real_free(void* p);
void* __wrap_malloc(std::size_t size);
void* __wrap_realloc(void* p, std::size_t size);
void __wrap_free(void* p);
}

namespace vern::yaml {

namespace {

// Address space reserved per thread; pages are committed as they are first
// written. A parse needs a few times its input (libyaml doubles its buffers
// and the region does not reuse freed blocks); what passes this goes to the
// system allocator.
constexpr std::size_t k_region_bytes = std::size_t{64} << 20;
// Written pages kept between parses; beyond it they go back to the system at
// the end of a scope, so one large file does not raise the resident size of
// the rest of the scan.
constexpr std::size_t k_kept_bytes = std::size_t{1} << 20;
// Each block starts with its size (for realloc), and blocks stay 16-aligned
// as malloc's are.
constexpr std::size_t k_header = 16;

// Trivially destructible and zero-initialised, so reading it costs no
// thread_local initialisation check on the allocation path.
struct Region {
  char* base = nullptr;
  std::size_t used = 0;
  std::size_t touched = 0;   // the most `used` has been since pages were last returned
  unsigned depth = 0;        // scopes open on this thread
  bool unavailable = false;  // the reservation failed: use the system allocator
};
thread_local Region t_region;

struct Unmapper {
  ~Unmapper() {
    if (t_region.base) munmap(t_region.base, k_region_bytes);
    t_region = Region{};
    t_region.unavailable = true;  // a later allocation on this exiting thread
  }
};

void reserve(Region& r) {
  void* p = mmap(nullptr, k_region_bytes, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED) {
    r.unavailable = true;
    return;
  }
  r.base = static_cast<char*>(p);
  thread_local Unmapper unmapper;  // unmaps when the thread ends
}

std::size_t block_bytes(std::size_t size) { return (size + k_header + 15) & ~std::size_t{15}; }

bool owns(const Region& r, const void* p) {
  auto a = reinterpret_cast<std::uintptr_t>(p);
  auto b = reinterpret_cast<std::uintptr_t>(r.base);
  return r.base != nullptr && a >= b && a < b + k_region_bytes;
}

void* bump(Region& r, std::size_t size) {
  if (r.depth == 0 || r.base == nullptr || size > k_region_bytes) return nullptr;
  std::size_t need = block_bytes(size);
  if (need > k_region_bytes - r.used) return nullptr;
  char* block = r.base + r.used;
  r.used += need;
  std::memcpy(block, &size, sizeof size);
  return block + k_header;
}

std::size_t size_of(const void* p) {
  std::size_t size;
  std::memcpy(&size, static_cast<const char*>(p) - k_header, sizeof size);
  return size;
}

}  // namespace

ParseMemoryScope::ParseMemoryScope() {
  Region& r = t_region;
  if (r.depth++ == 0 && r.base == nullptr && !r.unavailable) reserve(r);
}

ParseMemoryScope::~ParseMemoryScope() {
  Region& r = t_region;
  if (--r.depth != 0) return;
  if (r.used > r.touched) r.touched = r.used;
  r.used = 0;
  if (r.touched > k_kept_bytes) {
    madvise(r.base + k_kept_bytes, r.touched - k_kept_bytes, MADV_DONTNEED);
    r.touched = k_kept_bytes;
  }
}

bool parse_memory_enabled() { return true; }

bool in_parse_memory(const void* p) { return owns(t_region, p); }

std::size_t parse_memory_used() { return t_region.used; }

}  // namespace vern::yaml

using vern::yaml::t_region;

extern "C" void* __wrap_malloc(std::size_t size) {
  if (void* p = vern::yaml::bump(t_region, size)) return p;
  return __real_malloc(size);
}

extern "C" void __wrap_free(void* p) {
  // A block of the region is given back with the whole region.
  if (vern::yaml::owns(t_region, p)) return;
  __real_free(p);
}

extern "C" void* __wrap_realloc(void* p, std::size_t size) {
  using namespace vern::yaml;
  Region& r = t_region;
  if (p == nullptr) return __wrap_malloc(size);
  if (!owns(r, p)) return __real_realloc(p, size);
  std::size_t old = size_of(p);
  char* block = static_cast<char*>(p) - k_header;
  std::size_t offset = std::size_t(block - r.base);
  // The last block grows in place: libyaml doubles the buffer it is
  // filling, usually the one it allocated last.
  if (r.depth != 0 && offset + block_bytes(old) == r.used && size <= k_region_bytes &&
      block_bytes(size) <= k_region_bytes - offset) {
    r.used = offset + block_bytes(size);
    std::memcpy(block, &size, sizeof size);
    return p;
  }
  void* q = __wrap_malloc(size);
  if (q != nullptr) std::memcpy(q, p, old < size ? old : size);
  return q;
}

#else  // without the region: libyaml uses the system allocator

namespace vern::yaml {

ParseMemoryScope::ParseMemoryScope() = default;
ParseMemoryScope::~ParseMemoryScope() = default;
bool parse_memory_enabled() { return false; }
bool in_parse_memory(const void*) { return false; }
std::size_t parse_memory_used() { return 0; }

}  // namespace vern::yaml

#endif
