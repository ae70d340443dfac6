#ifndef CDYADASSETS_H
#define CDYADASSETS_H
#include <stddef.h>

/// One file compiled into the binary: its path under Sources/CDyadAssets/data and its bytes.
typedef struct {
    const char *name;
    const unsigned char *bytes;
    size_t count;
} DyadAsset;

/// The number of embedded files.
size_t dyad_asset_count(void);
/// The embedded file at `index` (0 ..< dyad_asset_count()).
DyadAsset dyad_asset_at(size_t index);

#endif
