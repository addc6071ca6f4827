// A lower bound for "read ASEM's iData + iMeta": the least work any reader must do on the two texts, in C++.
// Both files are read into memory first (the disk is not measured, as in ReadComputeBenchmarks). One pass per text:
// every field is found (comma / line break; a field between double quotes has its quotes dropped; these two files
// have no doubled quotes inside a quoted field) and every field that is a whole number text is parsed by
// fast_float::from_chars (Lemire's parser, correctly rounded). Nothing is stored: no strings, no table, no checks of
// names, codes or structure. Any real reader does at least this, so its time is an honest floor.
// Build: g++ -O3 -march=native -std=c++17 -I<fast_float>/include asem_floor.cpp -o asem_floor
// Run:   ./asem_floor ASEM_iData.csv ASEM_iMeta.csv [passes]
#include "fast_float/fast_float.h"
#include <algorithm>
#include <cstring>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace {
std::string read_all(const char* path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) { std::fprintf(stderr, "cannot open %s\n", path); std::exit(2); }
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

struct Tally { long fields = 0; long numbers = 0; double sum = 0; };

// Splits one text into fields and parses the numeric ones; returns what it saw so the work cannot be optimised away.
void scan(const std::string& text, Tally& t) {
  const char* p = text.data();
  const char* const end = p + text.size();
  while (p < end) {
    const char* a = p;
    const char* b;
    if (*a == '"') {
      b = static_cast<const char*>(std::memchr(a + 1, '"', end - a - 1));
      if (b == nullptr) b = end;
      ++a;
      p = b + 1;
    } else {
      b = a;
      while (b < end && *b != ',' && *b != '\n' && *b != '\r') ++b;
      p = b;
    }
    double v;
    auto r = fast_float::from_chars(a, b, v);
    if (r.ec == std::errc() && r.ptr == b) { t.sum += v; ++t.numbers; }
    ++t.fields;
    while (p < end && (*p == ',' || *p == '\n' || *p == '\r')) ++p;
  }
}
}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) { std::fprintf(stderr, "usage: asem_floor iData.csv iMeta.csv [passes]\n"); return 2; }
  const std::string data = read_all(argv[1]);
  const std::string meta = read_all(argv[2]);
  const long passes = argc > 3 ? std::atol(argv[3]) : 100000;
  std::vector<double> times;
  times.reserve(passes);
  Tally t;
  double sink = 0;
  for (long i = 0; i < passes; ++i) {
    t = Tally{};
    auto t0 = std::chrono::steady_clock::now();
    scan(data, t);
    scan(meta, t);
    auto t1 = std::chrono::steady_clock::now();
    sink += t.sum;
    times.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
  }
  std::sort(times.begin(), times.end());
  std::printf("%zu bytes, %ld fields, %ld numbers; per pass over %ld passes: min %.1f us, median %.1f us (checksum %.6g)\n",
              data.size() + meta.size(), t.fields, t.numbers, passes, times.front(), times[times.size() / 2], sink / passes);
  return 0;
}
