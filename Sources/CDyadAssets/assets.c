#include "CDyadAssets.h"

/* Each asset becomes two symbols around the file's bytes, placed by the assembler's .incbin.
   The data/ folder is on the include path (Package.swift), which is where .incbin looks. */
#define DYAD_ASSET(sym, path)                                                    \
    __asm__(".section .rodata\n"                                                 \
            ".balign 16\n"                                                       \
            ".global dyad_asset_" #sym "_start\n"                                \
            ".hidden dyad_asset_" #sym "_start\n"                                \
            "dyad_asset_" #sym "_start:\n"                                       \
            ".incbin \"" path "\"\n"                                             \
            ".global dyad_asset_" #sym "_end\n"                                  \
            ".hidden dyad_asset_" #sym "_end\n"                                  \
            "dyad_asset_" #sym "_end:\n"                                         \
            ".byte 0\n"                                                          \
            ".previous\n");                                                      \
    extern const unsigned char dyad_asset_##sym##_start[];                       \
    extern const unsigned char dyad_asset_##sym##_end[];
#include "assets.def"
#undef DYAD_ASSET

#define DYAD_ASSET(sym, path)                                                    \
    { path, dyad_asset_##sym##_start, 0 },
static DyadAsset table[] = {
#include "assets.def"
};
#undef DYAD_ASSET

#define DYAD_ASSET(sym, path) dyad_asset_##sym##_end,
static const unsigned char *ends[] = {
#include "assets.def"
};
#undef DYAD_ASSET

size_t dyad_asset_count(void) { return sizeof(table) / sizeof(table[0]); }

DyadAsset dyad_asset_at(size_t index) {
    DyadAsset asset = {0, 0, 0};
    if (index >= dyad_asset_count()) return asset;
    asset = table[index];
    asset.count = (size_t)(ends[index] - table[index].bytes);
    return asset;
}
