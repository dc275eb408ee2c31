// rpm's Berkeley DB "Packages" database (rpm before 4.16, RHEL/CentOS 7 and
// 8): a hash database whose values are rpm header blobs. Read page by page
// without libdb, after Berkeley DB's db_page.h layout; every offset is
// checked against the page and the file.
#include <cstdint>
#include <string>

#include "image/package_db.h"

namespace vern {

namespace {

constexpr std::uint32_t k_hash_magic = 0x061561;
constexpr std::uint8_t k_page_hash_unsorted = 2;
constexpr std::uint8_t k_page_overflow = 7;
constexpr std::uint8_t k_page_hash = 13;
constexpr std::uint8_t k_item_keydata = 1;
constexpr std::uint8_t k_item_offpage = 3;
constexpr std::size_t k_page_header = 26;
// Headers larger than this are not rpm headers (rpm's own limit is 256 MiB;
// real ones are well under 1 MiB).
constexpr std::uint32_t k_max_value = 64u << 20;

class Reader {
 public:
  Reader(std::string_view file, bool swap) : m_file(file), m_swap(swap) {}
  std::uint32_t u32(std::size_t at) const {
    if (at + 4 > m_file.size()) return 0;
    auto b = reinterpret_cast<const unsigned char*>(m_file.data() + at);
    std::uint32_t le =
        b[0] | std::uint32_t(b[1]) << 8 | std::uint32_t(b[2]) << 16 | std::uint32_t(b[3]) << 24;
    return m_swap ? __builtin_bswap32(le) : le;
  }
  std::uint16_t u16(std::size_t at) const {
    if (at + 2 > m_file.size()) return 0;
    auto b = reinterpret_cast<const unsigned char*>(m_file.data() + at);
    std::uint16_t le = std::uint16_t(b[0] | b[1] << 8);
    return m_swap ? std::uint16_t(le >> 8 | le << 8) : le;
  }
  std::uint8_t u8(std::size_t at) const {
    return at < m_file.size() ? static_cast<std::uint8_t>(m_file[at]) : 0;
  }
  std::string_view bytes(std::size_t at, std::size_t n) const {
    if (at > m_file.size() || n > m_file.size() - at) return {};
    return m_file.substr(at, n);
  }

 private:
  std::string_view m_file;
  bool m_swap;
};

// Follows an overflow chain from `pgno`, collecting `total` bytes.
bool read_overflow(const Reader& r, std::uint32_t pgno, std::uint32_t total,
                   std::uint32_t page_size, std::uint32_t last_pgno, std::string& out) {
  out.clear();
  for (std::uint32_t hops = 0; pgno != 0 && out.size() < total; ++hops) {
    if (pgno > last_pgno || hops > last_pgno) return false;
    std::size_t page = std::size_t(pgno) * page_size;
    if (r.u8(page + 25) != k_page_overflow) return false;
    std::uint16_t used = r.u16(page + 22);
    if (used > page_size - k_page_header) return false;
    std::string_view data = r.bytes(page + k_page_header, used);
    if (data.size() != used) return false;
    out.append(data.substr(0, std::min<std::size_t>(used, total - out.size())));
    pgno = r.u32(page + 16);
  }
  return out.size() == total;
}

}  // namespace

Result<std::vector<Package>> read_rpmdb_bdb(std::string_view file) {
  if (file.size() < 512) return Error::invalid("rpm Packages: too short for a Berkeley DB");
  Reader le(file, false);
  bool swap = le.u32(12) != k_hash_magic;
  Reader r(file, swap);
  if (r.u32(12) != k_hash_magic) return Error::invalid("rpm Packages: not a Berkeley DB hash");
  std::uint32_t page_size = r.u32(20);
  std::uint32_t last_pgno = r.u32(32);
  if (page_size < 512 || page_size > 65536 || (page_size & (page_size - 1)) != 0) {
    return Error::invalid("rpm Packages: bad page size");
  }
  std::uint64_t pages = file.size() / page_size;
  if (pages < 2) return std::vector<Package>{};  // truncated before the first data page
  if (std::uint64_t(last_pgno) >= pages) last_pgno = std::uint32_t(pages - 1);  // truncated
  std::vector<Package> out;
  std::string value;
  for (std::uint32_t pgno = 1; pgno <= last_pgno; ++pgno) {
    std::size_t page = std::size_t(pgno) * page_size;
    std::uint8_t type = r.u8(page + 25);
    if (type != k_page_hash && type != k_page_hash_unsorted) continue;
    std::uint16_t entries = r.u16(page + 20);
    if (k_page_header + std::size_t(entries) * 2 > page_size) continue;
    // Entries alternate key, value; items are packed from the page's end.
    for (std::uint32_t i = 1; i < entries; i += 2) {
      std::uint16_t off = r.u16(page + k_page_header + std::size_t(i) * 2);
      std::uint16_t prev = r.u16(page + k_page_header + std::size_t(i - 1) * 2);
      if (off < k_page_header || off >= page_size || prev > page_size || prev <= off) continue;
      std::uint8_t item = r.u8(page + off);
      if (item == k_item_offpage) {
        std::uint32_t first = r.u32(page + off + 4);
        std::uint32_t total = r.u32(page + off + 8);
        if (total == 0 || total > k_max_value) continue;
        if (!read_overflow(r, first, total, page_size, last_pgno, value)) continue;
      } else if (item == k_item_keydata) {
        value = std::string(r.bytes(page + off + 1, std::size_t(prev - off - 1)));
      } else {
        continue;
      }
      Result<Package> p = parse_rpm_header(value);
      if (p.ok() && p->name != "gpg-pubkey") out.push_back(std::move(p.value()));
    }
  }
  return out;
}

}  // namespace vern
