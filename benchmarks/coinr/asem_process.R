# The process COINr users run for ASEM: Rscript reading iData and iMeta, new_coin, Normalise (min-max 0-100),
# Aggregate (arithmetic mean) and printing the summary table; timed with hyperfine beside `ictindex compute` (RESULTS.md).
# Usage: Rscript asem_process.R tests/ProvinceIct.Indicators.Tests/TestData/coinr
suppressMessages(library(COINr))
folder <- commandArgs(trailingOnly = TRUE)[1]
iData <- read.csv(file.path(folder, "ASEM_iData.csv"), check.names = FALSE, na.strings = c("", "NA"))
iMeta <- read.csv(file.path(folder, "ASEM_iMeta.csv"), check.names = FALSE, na.strings = c("", "NA"))
coin <- new_coin(iData, iMeta, quietly = TRUE)
coin <- Normalise(coin, dset = "Raw")
coin <- Aggregate(coin, dset = "Normalised")
print(get_results(coin, dset = "Aggregated", tab_type = "Summ"))
