// Word lists for telling an answer from junk: function words (which carry no content of their
// own) and a small everyday and math vocabulary. Each question adds its own words on top.

const list = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/));

/** Function words: ignored when deciding whether an answer only repeats the question. */
export const stopWords = list(`
  a an the this that these those it its there here of to in on at by for from with without
  into onto over under about as than then so because since if when whenever while where which
  who whom whose what why how and or nor but yet also too very just only even still much many
  more most less least some any all each every both either neither no not never none
  is are was were be been being am do does did doing done have has had having can could may
  might must shall should will would i me my we us our you your he him his she her they them
  their one ones get gets got make makes made let lets like well way thing things really
  quite rather such same other another own again once up down out off yes ok okay idk
`);

/** Everyday English beyond the function words: evidence that an answer is made of real words. */
export const commonWords = list(`
  know think see look seem seems mean means meaning say says said show shows shown tell give
  gives take takes use used uses using need needs needed want try tries keep keeps kept go goes
  going gone come comes become becomes became get getting put puts set sets turn turns start
  stop stops end ends hit hits help helps lead leads leading work works working run runs move
  moves moving change changes changed grow grows growing fall falls push pushes pushing pull
  pulls reach reaches reached remain remains stay stays hold holds happen happens happened
  cause causes caused follow follows following imply implies implied result results
  case cases point points part parts side sides number numbers value values amount level
  time times step steps place problem problems reason reasons answer question idea fact form
  kind type sort example examples order line lines term terms sense word words bit lot
  good bad big small large tiny huge high low higher lower larger smaller bigger better worse
  best worst new old long short close far near right wrong true false real sure possible
  important exact exactly almost nearly roughly approximately basically essentially actually
  simply directly always often sometimes usually instead otherwise therefore thus hence
  however although though whereas whether else enough first second third last next before
  after between through during until toward towards across along around against within
  beyond above below under behind fast slow slowly quickly quick easy hard easily closer
  further less few fewer whole half full empty every anything nothing something everything
  anywhere everywhere nowhere somewhere someone nobody everyone everybody already ever
  becoming getting giving taking making doing being seeing saying limit limits limited
  make making makes still due able unable cannot approach approaches approaching increase
  increases increasing decrease decreases decreasing reduce reduces reducing keep keeping
  goes gets stays stuck slower faster hardly barely easier harder positive negative
  general specific particular simple complex common usual main key whole overall
  fail fails failed failing disagree myth myths misconception misconceptions suppose reckon
  guessing dunno opposite contrary unlike match matches matching matched
  ask asks asked mathematically mathematical math maths numpy python code
`);

/** The vocabulary of the lab: math, numerics and machine learning. */
export const mathWords = list(`
  sigma sigmoid logistic logit logits softmax softplus exp exponential exponent log logs
  logarithm ln sum mean average grad gradient gradients derivative derivatives differentiate
  differentiating differentiation partial chain rule product quotient function functions
  loss losses cost objective likelihood probability probabilities prob odds bernoulli
  binary cross entropy label labels class classes target targets prediction predictions
  predict predicted output outputs input inputs feature features weight weights bias
  parameter parameters vector vectors matrix matrices scalar row rows column columns
  shape shapes dimension dimensions dimensional size length entry entries element elements
  component components transpose inverse invert identity diagonal diag trace norm
  damping damped hessian jacobian curvature convex convexity concave psd semidefinite definite eigenvalue
  eigenvalues eigenvector direction directions bowl valley valleys dip dips minimum minima
  maximum maxima optimum optimal minimize minimise minimizer minimiser maximize saddle
  global local stationary critical taylor expansion approximation approximate quadratic
  linear cubic order second first higher tangent chord secant plane slope slopes
  descent newton step steps iteration iterations converge converges convergence diverge
  diverges learning rate epoch training train update updates regularization regularisation
  penalty ridge lasso decay separable separate separating hyperplane margin boundary decision
  data dataset sample samples example examples infinity infinite finite bounded unbounded
  epsilon eps delta lambda eta theta alpha beta float floating point precision double
  machine rounding round roundoff error errors truncation cancellation catastrophic numeric
  numerical numerically analytic analytical stable stability unstable overflow underflow
  nan saturate saturates saturation saturated vanish vanishes vanishing explode exploding
  flat flatten flattens plateau asymptote asymptotic approaches squash squashes clip clips
  clipping clamp difference differences central forward backward finite perturb
  perturbation memory storage compute computing computation computed cost costs expensive
  cheap complexity time space multiply multiplication matvec hvp scale scaling quadratically
  linearly exponentially zero one two half quarter sqrt square squared root cube variance
  equal equals equation formula form product inner outer dot per each total
`);

/**
 * The glue of a sentence: articles, prepositions, pronouns, auxiliaries, conjunctions and
 * quantifiers. A line of several words with almost none of these is a list of keywords, not a
 * claim. (Negators are left out: "never" adds meaning to a list of keywords, not grammar.)
 */
export const functionWords = list(`
  a an the this that these those it its there here of to in on at by for from with into onto
  over under about as than then so because since if when while where which who what why how
  and or but is are was were be been being am do does did has have had can could may might must
  shall should will would i we you he she they them their our my your me us each every all per
  any some both only just too very also like via through between after before until
  hence thus therefore unless until
`);

/**
 * Verbs that link a subject to what is said of it: "Hv takes two matrix-vector products", "PSD
 * Hessian means nonnegative curvature everywhere". A short run of words with one of them between
 * two others is a sentence, however few function words it has. Third-person forms only: `mean`,
 * `use` and `cost` are nouns as often ("rows mean average"); see baseFormVerbs.
 */
export const linkingVerbs = list(`
  means implies takes makes gives uses exploits keeps costs needs requires becomes yields causes
  leads ensures avoids prevents guarantees rescales
`);

/** The same verbs in the base form, a verb only after an adverb or before what it links to. */
export const baseFormVerbs = list(`
  mean imply take make give use exploit keep cost need require become yield cause lead ensure
  avoid prevent guarantee rescale
`);
