/**
 * The field managers kube components are recorded as in managedFields. kube-apiserver names a
 * writer without a fieldManager after its User-Agent's product, so every controller of
 * kube-controller-manager writes as "kube-controller-manager", whichever controller it is.
 */
export const KUBE_CONTROLLER_MANAGER = "kube-controller-manager";
export const KUBE_SCHEDULER = "kube-scheduler";
