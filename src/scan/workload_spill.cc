#include "scan/workload_spill.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace vern {

namespace {

// Record layout: a 4-byte length, then the fields in the order of encode().
// Numbers are in host byte order: the file never leaves this process.
class Writer {
 public:
  void u8(std::uint8_t v) { m_out.push_back(char(v)); }
  void i32(std::int32_t v) { m_out.append(reinterpret_cast<const char*>(&v), sizeof v); }
  void str(const std::string& s) {
    i32(std::int32_t(s.size()));
    m_out += s;
  }
  void at(Location l) {
    i32(l.line);
    i32(l.column);
  }
  void flag(const Located<bool>& v) {
    u8(std::uint8_t(v.presence));
    u8(v.value ? 1 : 0);
    at(v.where);
  }
  void text(const Located<std::string>& v) {
    u8(std::uint8_t(v.presence));
    str(v.value);
    at(v.where);
  }
  std::string& out() { return m_out; }

 private:
  std::string m_out;
};

// Reads what Writer wrote; reading past the end yields zeros and empty
// strings rather than overrunning (the record is ours, but stay bounded).
class Reader {
 public:
  explicit Reader(std::string_view in) : m_in(in) {}
  std::uint8_t u8() { return m_pos < m_in.size() ? std::uint8_t(m_in[m_pos++]) : 0; }
  std::int32_t i32() {
    std::int32_t v = 0;
    if (m_in.size() - m_pos >= sizeof v) {
      std::memcpy(&v, m_in.data() + m_pos, sizeof v);
      m_pos += sizeof v;
    } else {
      m_pos = m_in.size();
    }
    return v;
  }
  std::string str() {
    std::size_t n = std::size_t(std::max(i32(), 0));
    n = std::min(n, m_in.size() - m_pos);
    std::string s(m_in.substr(m_pos, n));
    m_pos += n;
    return s;
  }
  Location at() {
    Location l;
    l.line = i32();
    l.column = i32();
    return l;
  }
  Located<bool> flag() {
    Located<bool> v;
    v.presence = Presence(u8());
    v.value = u8() != 0;
    v.where = at();
    return v;
  }
  Located<std::string> text() {
    Located<std::string> v;
    v.presence = Presence(u8());
    v.value = str();
    v.where = at();
    return v;
  }

 private:
  std::string_view m_in;
  std::size_t m_pos = 0;
};

std::string encode(const Workload& w) {
  Writer o;
  o.i32(0);  // length, filled in below
  o.u8(std::uint8_t(w.surface));
  o.str(w.file);
  o.str(w.kind);
  o.str(w.name);
  o.str(w.ns);
  o.str(w.api_version);
  o.at(w.where);
  o.flag(w.host_network);
  o.flag(w.host_pid);
  o.flag(w.host_ipc);
  o.text(w.network_mode);
  o.text(w.userns_mode);
  o.u8(w.networks_written ? 1 : 0);
  o.at(w.pod_spec_where);
  o.flag(w.automount_sa_token);
  o.str(w.service_account);
  std::int32_t size = std::int32_t(o.out().size() - sizeof size);
  std::memcpy(o.out().data(), &size, sizeof size);
  return std::move(o.out());
}

Workload decode(std::string_view record) {
  Reader in(record);
  Workload w;
  w.surface = Surface(in.u8());
  w.file = in.str();
  w.kind = in.str();
  w.name = in.str();
  w.ns = in.str();
  w.api_version = in.str();
  w.where = in.at();
  w.host_network = in.flag();
  w.host_pid = in.flag();
  w.host_ipc = in.flag();
  w.network_mode = in.text();
  w.userns_mode = in.text();
  w.networks_written = in.u8() != 0;
  w.pod_spec_where = in.at();
  w.automount_sa_token = in.flag();
  w.service_account = in.str();
  return w;
}

}  // namespace

WorkloadSpill::WorkloadSpill() : m_file(std::tmpfile()) {
  if (m_file) {
    m_file_buffer.resize(std::size_t{1} << 16);
    std::setvbuf(m_file, m_file_buffer.data(), _IOFBF, m_file_buffer.size());
  }
}

WorkloadSpill::~WorkloadSpill() {
  if (m_file) std::fclose(m_file);
}

void WorkloadSpill::push(const Workload& w) {
  std::string record = encode(w);
  ++m_count;
  // Once a write fails (a full disk) every later record stays in memory, so
  // the order of the file, then memory, is still push order.
  if (m_file && m_memory.empty() &&
      std::fwrite(record.data(), 1, record.size(), m_file) == record.size()) {
    ++m_in_file;
    return;
  }
  m_memory.push_back(std::move(record));
}

void WorkloadSpill::replay(std::size_t batch,
                           const std::function<void(std::vector<Workload>&)>& each) {
  std::vector<Workload> workloads;
  workloads.reserve(std::min(batch, m_count));
  auto flush = [&](bool force) {
    if (workloads.empty() || (!force && workloads.size() < batch)) return;
    each(workloads);
    workloads.clear();
  };
  if (m_file && m_in_file > 0 && std::fflush(m_file) == 0) {
    std::rewind(m_file);
    std::string record;
    for (std::size_t i = 0; i < m_in_file; ++i) {
      std::int32_t size = 0;
      if (std::fread(&size, sizeof size, 1, m_file) != 1 || size < 0) break;
      record.resize(std::size_t(size));
      if (std::fread(record.data(), 1, record.size(), m_file) != record.size()) break;
      workloads.push_back(decode(record));
      flush(false);
    }
    std::fseek(m_file, 0, SEEK_END);
  }
  for (const std::string& r : m_memory) {
    workloads.push_back(decode(std::string_view(r).substr(sizeof(std::int32_t))));
    flush(false);
  }
  flush(true);
}

}  // namespace vern
