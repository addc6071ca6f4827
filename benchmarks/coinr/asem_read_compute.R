# Times COINr on its ASEM example, the work ReadComputeBenchmarks measures in .NET: read the iData and iMeta CSVs
# from memory (read.csv on the text), new_coin, Normalise (min-max 0-100) and Aggregate (arithmetic mean), plus the
# compute alone and the reading alone. Prints the AUS index score as a check (ictindex gives 47.921591121147465).
# Usage: Rscript asem_read_compute.R tests/ProvinceIct.Indicators.Tests/TestData/coinr RUNS
suppressMessages(library(COINr))
args <- commandArgs(trailingOnly = TRUE)
folder <- args[1]; reps <- as.integer(args[2])
data_text <- readChar(file.path(folder, "ASEM_iData.csv"), file.info(file.path(folder, "ASEM_iData.csv"))$size, useBytes = TRUE)
meta_text <- readChar(file.path(folder, "ASEM_iMeta.csv"), file.info(file.path(folder, "ASEM_iMeta.csv"))$size, useBytes = TRUE)
read_compute <- function() {
  iData <- read.csv(text = data_text, check.names = FALSE, stringsAsFactors = FALSE, na.strings = c("", "NA"))
  iMeta <- read.csv(text = meta_text, check.names = FALSE, stringsAsFactors = FALSE, na.strings = c("", "NA"))
  coin <- suppressMessages(new_coin(iData, iMeta, quietly = TRUE))
  coin <- suppressMessages(Normalise(coin, dset = "Raw"))
  suppressMessages(Aggregate(coin, dset = "Normalised"))
}
compute_only <- function(iData, iMeta) {
  coin <- suppressMessages(new_coin(iData, iMeta, quietly = TRUE))
  coin <- suppressMessages(Normalise(coin, dset = "Raw"))
  suppressMessages(Aggregate(coin, dset = "Normalised"))
}
time_it <- function(f, reps) {
  for (i in 1:3) f()  # warm up
  t <- numeric(reps)
  for (i in 1:reps) { s <- proc.time()[["elapsed"]]; f(); t[i] <- proc.time()[["elapsed"]] - s }
  t
}
iData <- read.csv(text = data_text, check.names = FALSE, stringsAsFactors = FALSE, na.strings = c("", "NA"))
iMeta <- read.csv(text = meta_text, check.names = FALSE, stringsAsFactors = FALSE, na.strings = c("", "NA"))
coin <- read_compute()
idx <- get_data(coin, dset = "Aggregated", iCodes = "Index", Level = 4)
cat(sprintf("check: %d units, Index of %s = %.15g\n", nrow(idx), idx$uCode[1], idx$Index[1]))
for (what in c("read + new_coin + Normalise + Aggregate", "new_coin + Normalise + Aggregate (data frames in memory)", "read.csv of iData + iMeta only")) {
  f <- switch(what,
    "read + new_coin + Normalise + Aggregate" = read_compute,
    "new_coin + Normalise + Aggregate (data frames in memory)" = function() compute_only(iData, iMeta),
    "read.csv of iData + iMeta only" = function() { read.csv(text = data_text, check.names = FALSE, na.strings = c("", "NA")); read.csv(text = meta_text, check.names = FALSE, na.strings = c("", "NA")) })
  t <- time_it(f, reps) * 1000
  cat(sprintf("%s: median %.2f ms, mean %.2f ms, min %.2f ms (%d runs)\n", what, median(t), mean(t), min(t), reps))
}
cat(R.version.string, "; COINr", as.character(packageVersion("COINr")), "\n")
